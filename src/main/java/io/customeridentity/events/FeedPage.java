package io.customeridentity.events;

import java.util.List;

/** One page of the feed, in feed order, and the position to continue after (also when the page is empty). */
public record FeedPage(List<CloudEvent> events, long next) {}
