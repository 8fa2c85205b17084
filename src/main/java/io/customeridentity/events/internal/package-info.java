/**
 * The outbox (listeners writing events in the changing transaction), the sequencer giving committed events their
 * feed positions, the feed's reads and long-poll wake-ups and retention; private to the module.
 */
package io.customeridentity.events.internal;
