package io.customeridentity.interaction.internal;

import io.customeridentity.crypto.AssociatedData;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Encrypts an interaction's personal details under the customer's data key, bound to the interaction's id. */
@Component
class InteractionCodec {

    private final EnvelopeEncryption encryption;
    private final JsonMapper json;

    InteractionCodec(EnvelopeEncryption encryption, JsonMapper json) {
        this.encryption = encryption;
        this.json = json;
    }

    byte[] encrypt(DataKey key, UUID interactionId, InteractionDetails details) {
        return encryption.encrypt(
                key, json.writeValueAsBytes(details), AssociatedData.interactionDetails(interactionId));
    }

    InteractionDetails decrypt(DataKey key, UUID interactionId, byte[] ciphertext) {
        return json.readValue(
                encryption.decrypt(key, ciphertext, AssociatedData.interactionDetails(interactionId)),
                InteractionDetails.class);
    }
}
