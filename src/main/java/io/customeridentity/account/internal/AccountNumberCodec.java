package io.customeridentity.account.internal;

import io.customeridentity.crypto.AssociatedData;
import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Protects normalised account numbers: encrypted under the customer's data key, bound to their link by
 * {@link AssociatedData}, and found again by a keyed fingerprint instead of the number.
 */
@Component
class AccountNumberCodec {

    private final EnvelopeEncryption encryption;
    private final BlindIndex fingerprints;

    AccountNumberCodec(EnvelopeEncryption encryption, MasterKey masterKey) {
        this.encryption = encryption;
        this.fingerprints = new BlindIndex(masterKey, "account-number");
    }

    byte[] fingerprint(String normalizedNumber) {
        return fingerprints.of(normalizedNumber);
    }

    byte[] encrypt(DataKey key, UUID linkId, String normalizedNumber) {
        return encryption.encrypt(
                key, normalizedNumber.getBytes(StandardCharsets.UTF_8), AssociatedData.accountNumber(linkId));
    }

    String decrypt(DataKey key, UUID linkId, byte[] ciphertext) {
        return new String(
                encryption.decrypt(key, ciphertext, AssociatedData.accountNumber(linkId)), StandardCharsets.UTF_8);
    }
}
