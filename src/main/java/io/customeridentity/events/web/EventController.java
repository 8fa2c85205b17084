package io.customeridentity.events.web;

import io.customeridentity.events.ChangeFeed;
import io.customeridentity.events.EventTypes;
import io.customeridentity.events.FeedPage;
import io.customeridentity.shared.Cursors;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change feed for other services: pull in feed order, continue from the cursor, optionally long-poll. */
@RestController
@Tag(name = "Change feed")
class EventController {

    static final String CURSOR_KIND = "events";

    private final ChangeFeed feed;

    EventController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/events")
    @Operation(
            operationId = "listEvents",
            summary = "Read the change feed after a cursor",
            description = "Events (CloudEvents 1.0 JSON, no personal data) in feed order: every committed event"
                    + " exactly once, and one customer's events in the order their changes committed. nextCursor is"
                    + " where to continue, also when the page is empty; store it after processing the page. Without"
                    + " after, reads from the oldest event kept. A cursor older than the retention period answers 410"
                    + " cursor-expired: resynchronise, then read without after. Requires scope events:read.")
    @ProblemResponses({400, 410})
    EventPage events(
            @Parameter(description = "The nextCursor of an earlier page; absent: from the oldest event kept.")
                    @RequestParam(required = false)
                    String after,
            @Parameter(description = "1 to 1000.", example = "100") @RequestParam(defaultValue = "100") int limit,
            @Parameter(
                            description = "Only these event types (comma-separated); nextCursor still moves past the"
                                    + " others.",
                            example = "customer.merged,customer.merge_reversed")
                    @RequestParam(required = false)
                    String types,
            @Parameter(
                            description = "0 to 30: seconds to wait for a first event when there is none yet"
                                    + " (long poll); answers as soon as one arrives.",
                            example = "20")
                    @RequestParam(defaultValue = "0")
                    int wait) {
        if (limit < 1 || limit > ChangeFeed.MAX_LIMIT) {
            throw InvalidInputException.of("limit", "Must be between 1 and " + ChangeFeed.MAX_LIMIT + ".");
        }
        if (wait < 0 || wait > ChangeFeed.MAX_WAIT.toSeconds()) {
            throw InvalidInputException.of("wait", "Must be between 0 and " + ChangeFeed.MAX_WAIT.toSeconds() + ".");
        }
        FeedPage page = feed.read(positionOf(after), limit, typesOf(types), Duration.ofSeconds(wait));
        return new EventPage(
                page.events().stream().map(EventItem::of).toList(), Cursors.encode(CURSOR_KIND, page.next()));
    }

    private static Long positionOf(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            long position =
                    Long.parseLong(Cursors.decode(CURSOR_KIND, cursor, 1).get(0));
            if (position < 0) {
                throw Cursors.invalid();
            }
            return position;
        } catch (NumberFormatException ex) {
            throw Cursors.invalid();
        }
    }

    private static Set<String> typesOf(String types) {
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : Arrays.stream(types.split(",")).map(String::strip).toList()) {
            if (!EventTypes.ALL.contains(type)) {
                throw InvalidInputException.of(
                        "types", "Unknown event type; known: " + String.join(", ", EventTypes.ALL));
            }
            wanted.add(type);
        }
        return wanted;
    }
}
