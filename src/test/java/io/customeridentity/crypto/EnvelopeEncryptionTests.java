package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EnvelopeEncryptionTests {

    private static final String OWNER = "AC12345678901";
    private static final String CONTEXT = "customer_versions:AC12345678901:3";
    private static final byte[] PLAINTEXT = "ada.lovelace@example.org".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeEncryption encryption = new EnvelopeEncryption(TestKeys.masterKey());
    private final DataKey dataKey = encryption.generateDataKey();

    @Test
    void roundTripsPlaintext() {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);

        assertThat(encryption.decrypt(dataKey, ciphertext, CONTEXT)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsEmptyPlaintext() {
        byte[] ciphertext = encryption.encrypt(dataKey, new byte[0], CONTEXT);

        assertThat(ciphertext).hasSize(12 + 16);
        assertThat(encryption.decrypt(dataKey, ciphertext, CONTEXT)).isEmpty();
    }

    @Test
    void producesNonceThenGcmCiphertextWithContextAsAssociatedData() throws Exception {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(dataKey.key(), "AES"),
                new GCMParameterSpec(128, ciphertext, 0, 12));
        cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(ciphertext).hasSize(12 + PLAINTEXT.length + 16);
        assertThat(cipher.doFinal(ciphertext, 12, ciphertext.length - 12)).isEqualTo(PLAINTEXT);
    }

    @Test
    void encryptsTheSamePlaintextDifferentlyEachTime() {
        byte[] first = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);
        byte[] second = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    }

    @Test
    void doesNotContainThePlaintext() {
        byte[] plaintext = "ada.lovelace@example.org ada.lovelace@example.org".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = encryption.encrypt(dataKey, plaintext, CONTEXT);

        assertThat(Bytes.containsAnyWindow(ciphertext, plaintext, 6)).isFalse();
    }

    @Test
    void rejectsEveryFlippedBit() {
        byte[] ciphertext = encryption.encrypt(dataKey, "Ada".getBytes(StandardCharsets.UTF_8), CONTEXT);

        for (int bit = 0; bit < ciphertext.length * 8; bit++) {
            byte[] tampered = Bytes.flipBit(ciphertext, bit);
            assertThatThrownBy(() -> encryption.decrypt(dataKey, tampered, CONTEXT))
                    .as("bit %d", bit)
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void keepsWorkingOnTheSameThreadAfterAFailureAndAcrossDataKeys() {
        DataKey otherKey = encryption.generateDataKey();
        byte[] first = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);
        assertThatThrownBy(() -> encryption.decrypt(dataKey, Bytes.flipBit(first, 100), CONTEXT))
                .isInstanceOf(CryptoException.class);

        byte[] second = encryption.encrypt(otherKey, PLAINTEXT, CONTEXT);
        assertThatThrownBy(() -> encryption.decrypt(dataKey, second, CONTEXT)).isInstanceOf(CryptoException.class);

        assertThat(encryption.decrypt(otherKey, second, CONTEXT)).isEqualTo(PLAINTEXT);
        assertThat(encryption.decrypt(dataKey, first, CONTEXT)).isEqualTo(PLAINTEXT);
        assertThat(encryption.decrypt(dataKey, encryption.encrypt(dataKey, PLAINTEXT, CONTEXT), CONTEXT))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);

        for (int length = 0; length < ciphertext.length; length++) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);
            assertThatThrownBy(() -> encryption.decrypt(dataKey, truncated, CONTEXT))
                    .as("length %d", length)
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void rejectsAnotherContext() {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);

        assertThatThrownBy(() -> encryption.decrypt(dataKey, ciphertext, "customer_versions:AC12345678901:4"))
                .isInstanceOf(CryptoException.class)
                .hasMessageNotContaining("ada.lovelace");
    }

    @Test
    void rejectsAnotherDataKey() {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);
        DataKey sameIdOtherBytes =
                new DataKey(dataKey.id(), encryption.generateDataKey().key());

        assertThatThrownBy(() -> encryption.decrypt(encryption.generateDataKey(), ciphertext, CONTEXT))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> encryption.decrypt(sameIdOtherBytes, ciphertext, CONTEXT))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void generatesDistinctRandomDataKeys() {
        DataKey other = encryption.generateDataKey();

        assertThat(dataKey.key()).hasSize(32).isNotEqualTo(other.key()).isNotEqualTo(new byte[32]);
        assertThat(dataKey.id()).isNotEqualTo(other.id());
    }

    @Test
    void namesVersionOneAsCurrentKek() {
        assertThat(encryption.currentKekId()).isEqualTo("kek-v1");
    }

    @Test
    void wrapsAndUnwrapsDataKeys() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        assertThat(wrapped).hasSize(12 + 32 + 16);
        assertThat(Bytes.containsAnyWindow(wrapped, dataKey.key(), 6)).isFalse();
        assertThat(encryption.unwrap(dataKey.id(), encryption.currentKekId(), wrapped, OWNER))
                .isEqualTo(dataKey);
    }

    @Test
    void unwrapsWithAnotherInstanceOverTheSameMasterKey() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        assertThat(new EnvelopeEncryption(TestKeys.masterKey()).unwrap(dataKey.id(), "kek-v1", wrapped, OWNER))
                .isEqualTo(dataKey);
    }

    @Test
    void refusesToUnwrapForAnotherOwner() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        assertThatThrownBy(() -> encryption.unwrap(dataKey.id(), "kek-v1", wrapped, "AC12345678902"))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesToUnwrapUnderAnotherKeyId() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        assertThatThrownBy(() -> encryption.unwrap(UUID.randomUUID(), "kek-v1", wrapped, OWNER))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesUnknownKekId() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        assertThatThrownBy(() -> encryption.unwrap(dataKey.id(), "kek-v2", wrapped, OWNER))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("kek-v2");
    }

    @Test
    void refusesToUnwrapUnderAnotherMasterKey() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);
        EnvelopeEncryption other = new EnvelopeEncryption(TestKeys.otherMasterKey());

        assertThatThrownBy(() -> other.unwrap(dataKey.id(), "kek-v1", wrapped, OWNER))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesEveryTamperedBitOrTruncationOfAWrappedKey() {
        byte[] wrapped = encryption.wrap(dataKey, OWNER);

        for (int bit = 0; bit < wrapped.length * 8; bit++) {
            byte[] tampered = Bytes.flipBit(wrapped, bit);
            assertThatThrownBy(() -> encryption.unwrap(dataKey.id(), "kek-v1", tampered, OWNER))
                    .as("bit %d", bit)
                    .isInstanceOf(CryptoException.class);
        }
        for (int length = 0; length < wrapped.length; length++) {
            byte[] truncated = Arrays.copyOf(wrapped, length);
            assertThatThrownBy(() -> encryption.unwrap(dataKey.id(), "kek-v1", truncated, OWNER))
                    .as("length %d", length)
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void keepsErrorMessagesFreeOfKeysAndPlaintext() {
        byte[] ciphertext = encryption.encrypt(dataKey, PLAINTEXT, CONTEXT);
        String keyHex = HexFormat.of().formatHex(dataKey.key());
        Set<String> messages = new HashSet<>();
        collectMessage(messages, () -> encryption.decrypt(encryption.generateDataKey(), ciphertext, CONTEXT));
        collectMessage(messages, () -> encryption.decrypt(dataKey, Arrays.copyOf(ciphertext, 5), CONTEXT));
        collectMessage(messages, () -> encryption.unwrap(dataKey.id(), "kek-v1", ciphertext, OWNER));

        assertThat(messages)
                .hasSize(3)
                .allSatisfy(message ->
                        assertThat(message).doesNotContain("ada.lovelace").doesNotContainIgnoringCase(keyHex));
    }

    private static void collectMessage(Set<String> messages, Runnable failing) {
        try {
            failing.run();
        } catch (CryptoException e) {
            messages.add(e.getMessage() + " / " + e.getCause());
        }
    }
}
