package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FirewallText} answers exactly what {@code StrictHttpFirewall}'s regular expressions answer. */
class FirewallTextTests {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallsExpressionsOnEveryCodePointAlone() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            check(text, disagreements);
        }
        for (char surrogate = Character.MIN_SURROGATE; surrogate < Character.MAX_SURROGATE; surrogate += 97) {
            check("x" + surrogate, disagreements);
            check(surrogate + "x", disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesOnRandomMixturesOfAsciiControlsAndOtherPlanes() {
        Random random = new Random(7);
        int[] pool = {'\t', '\n', '\r', 0, 0x7F, 0x85, 0xA0, ' ', 'A', '~', 0x378, 0x1F600, 0xE000, 0xFFFF, 0x10FFFF};
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(6); i >= 0; i--) {
                text.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            check(text.toString(), disagreements);
        }
        assertThat(disagreements).isEmpty();
        assertThat(FirewallText.HEADER_VALUE.test("Bearer abc.def\tx")).isTrue();
        assertThat(FirewallText.ASSIGNED_AND_NOT_CONTROL.test("a\tb")).isFalse();
        assertThat(FirewallText.HEADER_VALUE.test("a\u0000b")).isFalse();
    }

    private static void check(String text, List<String> disagreements) {
        if (FirewallText.ASSIGNED_AND_NOT_CONTROL.test(text)
                        != NAME.matcher(text).matches()
                || FirewallText.HEADER_VALUE.test(text) != VALUE.matcher(text).matches()) {
            disagreements.add(
                    text.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
    }
}
