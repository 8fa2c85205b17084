package io.customeridentity.identifier;

import java.util.HexFormat;
import java.util.Random;

/** Deterministic AES keys for tests; never used outside them. */
final class TestKeys {

    /** The 32-byte key 000102...1f, whose bodies are pinned in {@link BodyPermutationTests}. */
    static final byte[] SEQUENTIAL =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private TestKeys() {}

    static byte[] key(long seed, int length) {
        byte[] key = new byte[length];
        new Random(seed).nextBytes(key);
        return key;
    }

    static byte[] key(long seed) {
        return key(seed, 32);
    }
}
