package io.customeridentity.events;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * An event as the feed and the RabbitMQ relay send it: CloudEvents 1.0 structured JSON, {@code subject} the customer
 * ID, {@code data} the type's {@link EventData} as stored, and the {@code sequence} extension: the feed position,
 * zero-padded to 19 digits so that comparing the strings orders them as the feed does.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        @JsonRawValue String data,
        String sequence) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static CloudEvent of(FeedEvent event, String source) {
        return new CloudEvent(
                SPEC_VERSION,
                event.id().toString(),
                source,
                event.type(),
                event.subject(),
                event.time(),
                DATA_CONTENT_TYPE,
                event.data(),
                sequenceOf(event.position()));
    }

    /** The feed position as a {@code sequence} value. */
    public static String sequenceOf(long position) {
        return String.format("%019d", position);
    }

    /** The feed position of this event. */
    public long position() {
        return Long.parseLong(sequence);
    }
}
