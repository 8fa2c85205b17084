package io.customeridentity.interaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.StoredRows;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Interaction details stored by older code still decrypt. */
class InteractionCodecCompatibilityTests {

    private final StoredRows stored = StoredRows.v1();

    @Test
    void decryptsStoredInteractionDetails() {
        JsonNode row = stored.of("interactions").get(0);

        InteractionDetails details = new InteractionCodec(StoredRows.encryption(), StoredRows.JSON)
                .decrypt(
                        stored.dataKey(),
                        UUID.fromString(row.path("id").asString()),
                        StoredRows.bytes(row, "details_ciphertext"));

        assertThat(details)
                .isEqualTo(new InteractionDetails(
                        "Lost card", "Card reported lost; replacement ordered.", Map.of("agent", "a-17")));
    }
}
