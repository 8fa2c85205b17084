/**
 * Linked account numbers (IBANs, cards, bank, investment and loan accounts): validated, stored only encrypted under
 * the customer's data key, found by keyed fingerprint, shown masked, never logged. Other modules use
 * {@link io.customeridentity.account.AccountManagement} and the records next to it.
 */
package io.customeridentity.account;
