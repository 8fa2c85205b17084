package io.customeridentity.events.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of the change feed. */
record EventPage(
        List<EventItem> items,

        @Schema(description = "Opaque; pass as after to continue. Present on every page, also an empty one.")
        String nextCursor) {}
