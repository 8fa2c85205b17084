package io.customeridentity.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM with a random 96-bit nonce and a 128-bit tag; sealed form is {@code nonce || ciphertext || tag}. */
final class AesGcm {

    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final SecureRandom RANDOM = new SecureRandom();

    // Cipher is not thread-safe, so one per thread; every use starts with init(), which resets it. Cipher.getInstance
    // looks the provider up each time and cost 4-9 us against under 1 us for the decryption itself (a customer read
    // that misses the cache opens two). A thread's Cipher keeps the last key it was initialised with until its next
    // use, as a discarded one would until it is collected.
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {}

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is unavailable", e);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, byte[] aad, String what) {
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException(what + " cannot be opened: too short to be AES-GCM output");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, sealed, 0, NONCE_LENGTH));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new CryptoException(
                    what + " cannot be opened: authentication failed (tampered, wrong key or wrong context)", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(what + " cannot be opened", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }
}
