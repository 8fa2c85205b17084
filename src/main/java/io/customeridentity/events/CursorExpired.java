package io.customeridentity.events;

import io.customeridentity.shared.DomainException;

/** The cursor points before events that retention has deleted: the consumer must resynchronise. */
public final class CursorExpired extends DomainException {

    public CursorExpired(long oldestKept) {
        super(
                "cursor-expired",
                Kind.GONE,
                "Events after this cursor were deleted by retention; resynchronise (read the customers you hold again)"
                        + " and continue from the start of the feed"
                        + (oldestKept > 0 ? ", which now begins after position " + oldestKept : "")
                        + ".");
    }
}
