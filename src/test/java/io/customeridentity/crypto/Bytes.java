package io.customeridentity.crypto;

import java.util.Arrays;

/** Byte-array helpers for tampering with and searching ciphertext in tests. */
final class Bytes {

    private Bytes() {}

    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** Whether any {@code window}-byte slice of {@code needle} occurs anywhere in {@code haystack}. */
    static boolean containsAnyWindow(byte[] haystack, byte[] needle, int window) {
        for (int n = 0; n + window <= needle.length; n++) {
            byte[] slice = Arrays.copyOfRange(needle, n, n + window);
            for (int h = 0; h + window <= haystack.length; h++) {
                if (Arrays.equals(haystack, h, h + window, slice, 0, window)) {
                    return true;
                }
            }
        }
        return false;
    }
}
