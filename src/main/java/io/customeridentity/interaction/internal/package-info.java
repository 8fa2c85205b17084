/** Validation, encryption and JDBC storage of interactions; private to the interaction module. */
package io.customeridentity.interaction.internal;
