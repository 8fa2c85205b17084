package io.customeridentity.interaction.web;

import io.customeridentity.interaction.BatchItemResult;
import io.customeridentity.interaction.BatchItemResult.ItemError;
import io.customeridentity.interaction.BatchItemResult.Status;
import io.customeridentity.interaction.NewInteraction;
import io.customeridentity.shared.web.JsonPaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items of a batch, each read on its own from its JSON tree: an item the JSON mapper refuses (an unknown type, a
 * wrong JSON type, text the database cannot store) is one rejected item with the code and field the single-item
 * endpoint answers, and the others are still recorded.
 */
final class BatchItems {

    /** What the single-item endpoint answers for a body it cannot read. */
    static final String UNREADABLE = "unreadable-request";

    private final BatchItemResult[] results;
    private final List<NewInteraction> readable = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();

    private BatchItems(List<JsonNode> items, JsonMapper json) {
        results = new BatchItemResult[items.size()];
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            if (item == null || !item.isObject()) {
                results[index] = rejected(index, null, "Must be a JSON object.");
                continue;
            }
            try {
                readable.add(json.treeToValue(item, InteractionRequest.class).toNewInteraction());
                positions.add(index);
            } catch (JacksonException ex) {
                results[index] = rejected(index, JsonPaths.of(ex), JsonPaths.messageOf(ex));
            }
        }
    }

    static BatchItems read(List<JsonNode> items, JsonMapper json) {
        return new BatchItems(items, json);
    }

    /** The items that could be read, in batch order, for the recorder. */
    List<NewInteraction> readable() {
        return readable;
    }

    /**
     * Every item's result in batch order: those refused here, and the recorder's for the readable ones (whose indexes
     * count only the readable items, so each is put back at its item's place in the batch).
     */
    List<BatchItemResult> answered(List<BatchItemResult> recorded) {
        for (int i = 0; i < recorded.size(); i++) {
            BatchItemResult result = recorded.get(i);
            int index = positions.get(i);
            results[index] = new BatchItemResult(index, result.status(), result.id(), result.error());
        }
        return Arrays.asList(results);
    }

    private static BatchItemResult rejected(int index, String field, String message) {
        return new BatchItemResult(index, Status.REJECTED, null, new ItemError(UNREADABLE, field, message));
    }
}
