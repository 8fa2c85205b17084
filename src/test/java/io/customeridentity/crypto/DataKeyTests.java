package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataKeyTests {

    private static final UUID ID = UUID.fromString("3f2a7c1e-0d4b-4e59-9a61-8b0c5d7e2f10");
    private static final byte[] KEY = TestKeys.sequence(32, 0xA0);

    @Test
    void printsItsIdButNoKeyMaterial() {
        String printed = new DataKey(ID, KEY).toString();

        assertThat(printed)
                .contains(ID.toString())
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(KEY))
                .doesNotContain(Base64.getEncoder().encodeToString(KEY))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY))
                .doesNotContain(Arrays.toString(KEY));
    }

    @Test
    void acceptsOnlyThirtyTwoByteKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DataKey(ID, new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> new DataKey(ID, new byte[33]));
        assertThatNullPointerException().isThrownBy(() -> new DataKey(ID, null));
        assertThatNullPointerException().isThrownBy(() -> new DataKey(null, KEY));
    }

    @Test
    void isEqualByIdAndKeyBytes() {
        DataKey key = new DataKey(ID, KEY);

        assertThat(key).isEqualTo(new DataKey(ID, KEY.clone())).hasSameHashCodeAs(new DataKey(ID, KEY.clone()));
        assertThat(key).isNotEqualTo(new DataKey(UUID.randomUUID(), KEY));
        assertThat(key).isNotEqualTo(new DataKey(ID, TestKeys.sequence(32, 0xA1)));
    }

    @Test
    void isImmutableDespiteHoldingAnArray() {
        byte[] source = KEY.clone();
        DataKey key = new DataKey(ID, source);

        source[0] ^= 1;
        key.key()[1] ^= 1;

        assertThat(key.key()).isEqualTo(KEY);
    }
}
