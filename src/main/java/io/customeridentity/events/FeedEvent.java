package io.customeridentity.events;

import java.time.Instant;
import java.util.UUID;

/** One event of the feed: its position, identity, type, subject (a customer ID), time and data as JSON text. */
public record FeedEvent(long position, UUID id, String type, String subject, Instant time, String data) {}
