/**
 * The change feed: every change of a customer, account link or external ID, written as an event in the same
 * transaction (a transactional outbox), given a feed position after commit, served in order through
 * {@link io.customeridentity.events.ChangeFeed}. Listens to the other modules' published records; nothing
 * depends on it.
 */
package io.customeridentity.events;
