/**
 * The check, before any bean is created, that the settings the service cannot start without are present and valid,
 * and the failure analyzer that reports every one that is not in a single message.
 */
package io.customeridentity.shared.startup;
