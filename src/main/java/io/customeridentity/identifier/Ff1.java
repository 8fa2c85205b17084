package io.customeridentity.identifier;

import java.util.Objects;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * NIST SP 800-38G FF1 format-preserving encryption with AES, a thin thread-safe wrapper over Bouncy Castle's
 * {@link FPEFF1Engine} for numerals written in the alphabet {@code 0-9a-z} (radix 2 to 36).
 */
public final class Ff1 {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final byte[] NO_TWEAK = new byte[0];

    private final byte[] key;
    private final int radix;

    /**
     * Creates the cipher for an AES key of 16, 24 or 32 bytes (the key is copied).
     *
     * @throws IllegalArgumentException for another key length or a radix outside 2..36
     */
    public Ff1(byte[] key, int radix) {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException(
                    "FF1 needs an AES key of 16, 24 or 32 bytes, but the key has " + key.length + " bytes");
        }
        if (radix < 2 || radix > ALPHABET.length()) {
            throw new IllegalArgumentException("FF1 radix must be between 2 and 36, got " + radix);
        }
        this.key = key.clone();
        this.radix = radix;
    }

    /**
     * Encrypts {@code numeral} under {@code tweak} ({@code null} means empty); the result has the same length.
     *
     * @throws IllegalArgumentException if the numeral has characters outside the radix's alphabet or a length FF1 does
     *     not allow (radix<sup>length</sup> must be at least 1,000,000)
     */
    public String encrypt(String numeral, byte[] tweak) {
        return process(true, numeral, tweak);
    }

    /**
     * Decrypts {@code numeral} under {@code tweak} ({@code null} means empty), inverting {@link #encrypt}.
     *
     * @throws IllegalArgumentException as {@link #encrypt} does
     */
    public String decrypt(String numeral, byte[] tweak) {
        return process(false, numeral, tweak);
    }

    private String process(boolean forEncryption, String numeral, byte[] tweak) {
        byte[] in = toDigits(numeral);
        byte[] out = new byte[in.length];
        // FPEFF1Engine keeps per-call state, so each call gets its own (cheap: an AES key schedule).
        FPEFF1Engine engine = new FPEFF1Engine();
        engine.init(forEncryption, new FPEParameters(new KeyParameter(key), radix, tweak == null ? NO_TWEAK : tweak));
        engine.processBlock(in, 0, in.length, out, 0);
        return toNumeral(out);
    }

    private byte[] toDigits(String numeral) {
        Objects.requireNonNull(numeral, "numeral");
        byte[] digits = new byte[numeral.length()];
        for (int i = 0; i < digits.length; i++) {
            int digit = ALPHABET.indexOf(numeral.charAt(i));
            if (digit < 0 || digit >= radix) {
                throw new IllegalArgumentException(
                        "FF1 numeral has a character outside the radix-" + radix + " alphabet at position " + i);
            }
            digits[i] = (byte) digit;
        }
        return digits;
    }

    private static String toNumeral(byte[] digits) {
        char[] chars = new char[digits.length];
        for (int i = 0; i < digits.length; i++) {
            chars[i] = ALPHABET.charAt(digits[i]);
        }
        return new String(chars);
    }
}
