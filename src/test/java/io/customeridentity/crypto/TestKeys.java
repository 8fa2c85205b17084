package io.customeridentity.crypto;

import java.util.Base64;

/** Fixed, test-only master keys. */
final class TestKeys {

    static final byte[] MASTER_KEY_BYTES = sequence(32, 0x40);
    static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(MASTER_KEY_BYTES);
    static final String OTHER_MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(sequence(32, 0x90));

    private TestKeys() {}

    static MasterKey masterKey() {
        return MasterKey.fromBase64(MASTER_KEY_BASE64);
    }

    static MasterKey otherMasterKey() {
        return MasterKey.fromBase64(OTHER_MASTER_KEY_BASE64);
    }

    static byte[] sequence(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }
}
