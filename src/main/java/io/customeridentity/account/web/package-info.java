/** HTTP API of the account module: link, list, unlink and resolve account numbers. */
package io.customeridentity.account.web;
