package io.customeridentity.events.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.customeridentity.events.CloudEvent;
import io.customeridentity.events.EventData;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One event as CloudEvents 1.0 structured JSON, plus the sequence extension. */
@Schema(name = "CloudEvent")
record EventItem(
        @Schema(example = "1.0") String specversion,

        @Schema(description = "Unique per event: deduplicate by it.", example = "5f0c6f7e-8a51-4f7e-9a9f-0e2b8c1d2a33")
        String id,

        @Schema(example = "/customer-identity") String source,

        @Schema(
                allowableValues = {
                    "customer.registered",
                    "customer.updated",
                    "customer.merged",
                    "customer.merge_reversed",
                    "account.linked",
                    "account.unlinked",
                    "external_ref.linked",
                    "external_ref.ended",
                    "interaction.recorded",
                    "customer.erased"
                })
        String type,

        @Schema(
                description = "The customer ID the event is about (for merges: the merged customer).",
                example = "AC12345678900")
        String subject,

        Instant time,
        @Schema(example = "application/json") String datacontenttype,

        @Schema(
                description = "Per type: customer.registered Registered; customer.updated Updated;"
                        + " customer.merged and customer.merge_reversed Merge; account.* AccountLink;"
                        + " external_ref.* ExternalRef; interaction.recorded Interaction; customer.erased Erased."
                        + " anyOf rather than oneOf:"
                        + " the payloads are told apart by the event's type, not by their shapes.",
                anyOf = {
                    EventData.Registered.class,
                    EventData.Updated.class,
                    EventData.Merge.class,
                    EventData.AccountLink.class,
                    EventData.ExternalRef.class,
                    EventData.Interaction.class,
                    EventData.Erased.class
                })
        @JsonRawValue
        String data,

        @Schema(
                description = "CloudEvents sequence extension: the feed position, zero-padded to 19 digits.",
                example = "0000000000000004711")
        String sequence) {

    static EventItem of(CloudEvent event) {
        return new EventItem(
                event.specversion(),
                event.id(),
                event.source(),
                event.type(),
                event.subject(),
                event.time(),
                event.datacontenttype(),
                event.data(),
                event.sequence());
    }
}
