package io.customeridentity.customer.internal.keys;

import io.customeridentity.crypto.AssociatedData;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.customer.CustomerProfile;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts profile snapshots and change reasons under the customer's data key, bound to their row by
 * {@link AssociatedData}, and wraps and unwraps the data keys themselves.
 */
@Component
public class ProfileCodec {

    private final EnvelopeEncryption encryption;
    private final JsonMapper json;

    ProfileCodec(EnvelopeEncryption encryption, JsonMapper json) {
        this.encryption = encryption;
        this.json = json;
    }

    public DataKey newDataKey() {
        return encryption.generateDataKey();
    }

    public String kekId() {
        return encryption.currentKekId();
    }

    public byte[] wrap(DataKey key, String customerId) {
        return encryption.wrap(key, customerId);
    }

    public DataKey unwrap(UUID keyId, String kekId, byte[] wrapped, String customerId) {
        return encryption.unwrap(keyId, kekId, wrapped, customerId);
    }

    public byte[] encryptProfile(DataKey key, String customerId, int version, CustomerProfile profile) {
        return encryption.encrypt(key, json.writeValueAsBytes(profile), AssociatedData.profile(customerId, version));
    }

    public CustomerProfile decryptProfile(DataKey key, String customerId, int version, byte[] ciphertext) {
        byte[] plain = encryption.decrypt(key, ciphertext, AssociatedData.profile(customerId, version));
        return json.readValue(plain, CustomerProfile.class);
    }

    public byte[] encryptReason(DataKey key, String customerId, int version, String reason) {
        if (reason == null) {
            return null;
        }
        return encryption.encrypt(
                key, reason.getBytes(StandardCharsets.UTF_8), AssociatedData.changeReason(customerId, version));
    }

    public String decryptReason(DataKey key, String customerId, int version, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(
                encryption.decrypt(key, ciphertext, AssociatedData.changeReason(customerId, version)),
                StandardCharsets.UTF_8);
    }
}
