package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchTextTests {

    @Test
    void foldsCaseAccentsAndPunctuationAway() {
        assertThat(MatchText.fold("  O'Brien-Smith ")).isEqualTo("obrien smith");
        assertThat(MatchText.fold("Zoë  Ångström")).isEqualTo("zoe angstrom");
        assertThat(MatchText.fold("St. Kilda")).isEqualTo("st kilda");
        assertThat(MatchText.fold(" -- ")).isNull();
        assertThat(MatchText.fold(null)).isNull();
    }

    @Test
    void compactsPostalCodesToLettersAndDigits() {
        assertThat(MatchText.compact("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(MatchText.compact("SW1A-1AA")).isEqualTo("SW1A1AA");
        assertThat(MatchText.compact(" ")).isNull();
    }

    @Test
    void givesSoundAlikeNamesOnePhoneticCode() {
        assertThat(MatchText.phonetic("smith")).isEqualTo(MatchText.phonetic("smyth"));
        assertThat(MatchText.phonetic("catherine")).isEqualTo(MatchText.phonetic("kathryn"));
        assertThat(MatchText.phonetic("jon")).isEqualTo(MatchText.phonetic("john"));
        assertThat(MatchText.phonetic("smith")).isNotEqualTo(MatchText.phonetic("jones"));
    }

    @Test
    void takesThePhoneticCodeOfAStreetsFirstWord() {
        assertThat(MatchText.streetPhonetic("ocean st")).isEqualTo(MatchText.streetPhonetic("ocean street"));
        assertThat(MatchText.streetPhonetic("ocean st")).isEqualTo(MatchText.streetPhonetic("oceann st"));
        assertThat(MatchText.streetPhonetic("ocean st")).isNotEqualTo(MatchText.streetPhonetic("bay street"));
        assertThat(MatchText.streetPhonetic(null)).isNull();
    }

    @Test
    void takesThePhoneticCodeOfTheLongestToken() {
        assertThat(MatchText.phonetic("de vries")).isEqualTo(MatchText.phonetic("vries"));
        assertThat(MatchText.phonetic("12")).isNull();
        assertThat(MatchText.phonetic(null)).isNull();
    }
}
