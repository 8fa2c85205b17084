package io.customeridentity.customer.internal.keys;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.customer.CustomerProfile;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts profile snapshots and change reasons under the customer's data key. The associated data binds each
 * ciphertext to its customer, version and purpose, so a ciphertext copied into another row does not decrypt.
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
        return encryption.encrypt(key, json.writeValueAsBytes(profile), context(customerId, version, "profile"));
    }

    public CustomerProfile decryptProfile(DataKey key, String customerId, int version, byte[] ciphertext) {
        byte[] plain = encryption.decrypt(key, ciphertext, context(customerId, version, "profile"));
        return json.readValue(plain, CustomerProfile.class);
    }

    public byte[] encryptReason(DataKey key, String customerId, int version, String reason) {
        if (reason == null) {
            return null;
        }
        return encryption.encrypt(key, reason.getBytes(StandardCharsets.UTF_8), context(customerId, version, "reason"));
    }

    public String decryptReason(DataKey key, String customerId, int version, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(
                encryption.decrypt(key, ciphertext, context(customerId, version, "reason")), StandardCharsets.UTF_8);
    }

    private static String context(String customerId, int version, String purpose) {
        return "customer_versions:" + customerId + ":" + version + ":" + purpose;
    }
}
