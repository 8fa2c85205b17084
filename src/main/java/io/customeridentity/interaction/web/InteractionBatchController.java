package io.customeridentity.interaction.web;

import io.customeridentity.interaction.BatchItemResult;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk ingestion of interactions for other services. */
@RestController
@Tag(name = "Interactions")
class InteractionBatchController {

    private final InteractionManagement interactions;

    InteractionBatchController(InteractionManagement interactions) {
        this.interactions = interactions;
    }

    @PostMapping("/api/v1/interactions/batch")
    @Operation(
            operationId = "recordInteractionBatch",
            summary = "Record up to 1000 interactions at once",
            description = "Items are independent: each is CREATED, DUPLICATE (stored earlier under the same source "
                    + "and externalId) or REJECTED with the reason; a bad item never rejects the others and is "
                    + "never half stored. The whole batch costs a few database round trips, not one per item. "
                    + "Requires scope interactions:write.")
    @ProblemResponses({400, 415})
    BatchResponse record(@RequestBody BatchRequest request) {
        if (request.items() == null
                || request.items().isEmpty()
                || request.items().size() > InteractionManagement.MAX_BATCH) {
            throw InvalidInputException.of("items", "Must hold 1 to " + InteractionManagement.MAX_BATCH + " items.");
        }
        if (request.items().contains(null)) {
            throw InvalidInputException.of("items", "Must not contain null.");
        }
        return new BatchResponse(interactions.recordBatch(request.items().stream()
                .map(InteractionRequest::toNewInteraction)
                .toList()));
    }

    /** A batch of interactions, each naming its customer. */
    record BatchRequest(
            @ArraySchema(
                    arraySchema = @Schema(description = "1 to 1000 interactions, each with customerId."),
                    minItems = 1,
                    maxItems = InteractionManagement.MAX_BATCH)
            List<InteractionRequest> items) {}

    /** One result per item, in item order. */
    record BatchResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<BatchItemResult> results) {}
}
