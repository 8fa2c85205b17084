package io.customeridentity.customer.internal;

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
class ProfileCodec {

    private final EnvelopeEncryption encryption;
    private final JsonMapper json;

    ProfileCodec(EnvelopeEncryption encryption, JsonMapper json) {
        this.encryption = encryption;
        this.json = json;
    }

    DataKey newDataKey() {
        return encryption.generateDataKey();
    }

    String kekId() {
        return encryption.currentKekId();
    }

    byte[] wrap(DataKey key, String customerId) {
        return encryption.wrap(key, customerId);
    }

    DataKey unwrap(UUID keyId, String kekId, byte[] wrapped, String customerId) {
        return encryption.unwrap(keyId, kekId, wrapped, customerId);
    }

    byte[] encryptProfile(DataKey key, String customerId, int version, CustomerProfile profile) {
        return encryption.encrypt(key, json.writeValueAsBytes(profile), context(customerId, version, "profile"));
    }

    CustomerProfile decryptProfile(DataKey key, String customerId, int version, byte[] ciphertext) {
        byte[] plain = encryption.decrypt(key, ciphertext, context(customerId, version, "profile"));
        return json.readValue(plain, CustomerProfile.class);
    }

    byte[] encryptReason(DataKey key, String customerId, int version, String reason) {
        if (reason == null) {
            return null;
        }
        return encryption.encrypt(key, reason.getBytes(StandardCharsets.UTF_8), context(customerId, version, "reason"));
    }

    String decryptReason(DataKey key, String customerId, int version, byte[] ciphertext) {
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
