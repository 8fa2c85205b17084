package io.customeridentity.identifier;

/**
 * The secret-keyed permutation of all 10-digit bodies (FF1, radix 10, empty tweak), so that consecutive sequence
 * values give unrelated, unguessable bodies while staying unique.
 */
public final class BodyPermutation {

    static final int BODY_LENGTH = 10;
    static final long MAX_SEQUENCE_VALUE = 9_999_999_999L;

    private static final byte[] NO_TWEAK = new byte[0];

    private final Ff1 ff1;

    /**
     * Creates the permutation for an AES key of 16, 24 or 32 bytes.
     *
     * @throws IllegalArgumentException for another key length
     */
    public BodyPermutation(byte[] key) {
        this.ff1 = new Ff1(key, 10);
    }

    /**
     * Returns the body for the {@code sequenceValue}-th issued ID.
     *
     * @throws IllegalArgumentException if the value is outside 0..9,999,999,999
     */
    public String bodyFor(long sequenceValue) {
        if (sequenceValue < 0 || sequenceValue > MAX_SEQUENCE_VALUE) {
            throw new IllegalArgumentException(
                    "Sequence value must be between 0 and " + MAX_SEQUENCE_VALUE + ", got " + sequenceValue);
        }
        return ff1.encrypt(zeroPadded(sequenceValue), NO_TWEAK);
    }

    /**
     * Returns the sequence value whose body is {@code body}, inverting {@link #bodyFor}.
     *
     * @throws IllegalArgumentException unless {@code body} is exactly 10 ASCII digits
     */
    public long sequenceValueOf(String body) {
        if (!Ascii.isDigits(body, BODY_LENGTH)) {
            throw new IllegalArgumentException("A body is exactly " + BODY_LENGTH + " decimal digits");
        }
        return Long.parseLong(ff1.decrypt(body, NO_TWEAK));
    }

    private static String zeroPadded(long value) {
        char[] digits = new char[BODY_LENGTH];
        long rest = value;
        for (int i = BODY_LENGTH - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }
}
