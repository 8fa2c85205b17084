package io.customeridentity.events.internal;

import java.time.Instant;
import java.util.UUID;

/** An event about to be written: data already JSON. */
record NewEvent(UUID eventId, String type, String subject, Instant occurredAt, String data) {}
