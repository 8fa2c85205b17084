/** Validation, encryption and JDBC storage of account links; private to the account module. */
package io.customeridentity.account.internal;
