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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk ingestion of interactions for other services. */
@RestController
@Tag(name = "Interactions")
class InteractionBatchController {

    private final InteractionManagement interactions;
    private final JsonMapper json;

    InteractionBatchController(InteractionManagement interactions, JsonMapper json) {
        this.interactions = interactions;
        this.json = json;
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
        BatchItems items = BatchItems.read(request.items(), json);
        List<BatchItemResult> recorded =
                items.readable().isEmpty() ? List.of() : interactions.recordBatch(items.readable());
        return new BatchResponse(items.answered(recorded));
    }

    /**
     * A batch of interactions, each naming its customer. The items are JSON trees, read one by one ({@link
     * BatchItems}), so that one unreadable item is rejected on its own; the description still shows their schema.
     */
    record BatchRequest(
            @ArraySchema(
                    arraySchema = @Schema(description = "1 to 1000 interactions, each with customerId."),
                    minItems = 1,
                    maxItems = InteractionManagement.MAX_BATCH,
                    schema = @Schema(implementation = InteractionRequest.class))
            List<JsonNode> items) {}

    /** One result per item, in item order. */
    record BatchResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<BatchItemResult> results) {}
}
