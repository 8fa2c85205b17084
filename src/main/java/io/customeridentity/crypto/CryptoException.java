package io.customeridentity.crypto;

/**
 * Thrown when ciphertext or a wrapped key cannot be opened: tampered, wrong key, wrong context or unknown KEK id; the
 * message never contains key material or plaintext.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
