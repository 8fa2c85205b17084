package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.TestingAuthenticationToken;

class PersonalDataMaskTests {

    @ParameterizedTest
    @CsvSource({
        "ada@example.org, a***@example.org",
        "a@example.org, a***@example.org",
        "ada.lovelace+news@mail.example.co.uk, a***@mail.example.co.uk",
        "\"odd@local\"@example.org, \"***@example.org",
        "élodie@example.fr, é***@example.fr"
    })
    void keepsTheFirstCharacterOfTheLocalPartAndTheDomain(String email, String masked) {
        assertThat(PersonalDataMask.email(email)).isEqualTo(masked);
    }

    @Test
    void showsNothingOfAnEmailWithoutLocalPart() {
        assertThat(PersonalDataMask.email("@example.org")).isEqualTo("***");
        assertThat(PersonalDataMask.email("no-at-sign")).isEqualTo("***");
        assertThat(PersonalDataMask.email(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        // country code of one, two and three digits
        "+14155552671, +1*******671",
        "+442079460958, +44*******958",
        "+4407700900789, +44********789",
        "+353850123456, +353******456",
        "+79161234567, +7*******567",
        // non-geographic: universal freephone
        "+80012345678, +800*****678"
    })
    void keepsTheCountryCodeAndTheLastThreeDigits(String e164, String masked) {
        assertThat(PersonalDataMask.phone(e164)).isEqualTo(masked).hasSameSizeAs(e164);
    }

    @Test
    void showsFewerDigitsOfAVeryShortNumberAndNoneOfAnUnknownOne() {
        assertThat(PersonalDataMask.phone("+4412345")).isEqualTo("+44***45");
        assertThat(PersonalDataMask.phone("+441")).isEqualTo("+44*");
        // no country code starts with 0, and 999 is nobody's
        assertThat(PersonalDataMask.phone("+0123456789")).isEqualTo("+**********");
        assertThat(PersonalDataMask.phone("+9991234567")).isEqualTo("+**********");
        assertThat(PersonalDataMask.phone("+44")).isEqualTo("+**");
        assertThat(PersonalDataMask.phone("+44 20 7946")).isEqualTo("+***");
        assertThat(PersonalDataMask.phone(null)).isNull();
    }

    @Test
    void masksEveryCallerWithoutThePiiScope() {
        assertThat(PersonalDataMask.appliesTo(caller("SCOPE_customers:read"))).isTrue();
        assertThat(PersonalDataMask.appliesTo(caller())).isTrue();
        assertThat(PersonalDataMask.appliesTo(caller("customers:pii"))).isTrue();
        assertThat(PersonalDataMask.appliesTo(caller("SCOPE_customers:piix"))).isTrue();
        assertThat(PersonalDataMask.appliesTo(null)).isTrue();
        assertThat(PersonalDataMask.appliesTo(caller("SCOPE_customers:read", "SCOPE_customers:pii")))
                .isFalse();
    }

    private static TestingAuthenticationToken caller(String... authorities) {
        return new TestingAuthenticationToken(
                "someone", null, List.of(authorities).toArray(String[]::new));
    }
}
