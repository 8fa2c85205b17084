package io.customeridentity.identifier;

import static io.customeridentity.identifier.CustomerIdTests.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.customeridentity.identifier.InvalidCustomerIdException.Reason;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdSchemeTests {

    private final BodyPermutation permutation = new BodyPermutation(TestKeys.SEQUENTIAL);
    private final CustomerIdScheme scheme = new CustomerIdScheme(List.of("AC", "BK", "QX"), "AC", permutation);

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of(null, "AC"),
                Arguments.of(List.of(), "AC"),
                Arguments.of(List.of("A"), "A"),
                Arguments.of(List.of("ACX"), "ACX"),
                Arguments.of(List.of("A1"), "A1"),
                Arguments.of(List.of("AC", ""), "AC"),
                Arguments.of(List.of("AC", "\u00c4B"), "AC"),
                Arguments.of(Arrays.asList("AC", null), "AC"),
                Arguments.of(List.of("AC", "BK"), "QX"),
                Arguments.of(List.of("AC", "BK"), null),
                Arguments.of(List.of("AC", "BK"), " "));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void issuesUnderTheDefaultPrefixWhenNoneIsRequested(String prefix) {
        CustomerId id = scheme.issue(prefix, 42);

        assertThat(id.prefix()).isEqualTo("AC");
        assertThat(id.body()).isEqualTo(permutation.bodyFor(42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BK", "bk", "Bk", " bK "})
    void issuesUnderTheRequestedPrefixInAnyCase(String prefix) {
        CustomerId id = scheme.issue(prefix, 42);

        assertThat(id).isEqualTo(CustomerId.of("BK", permutation.bodyFor(42)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZ", "zz", "A1", "ACX", "A", "\u00c4C", "<script>"})
    void rejectsUnknownPrefixesWhenIssuing(String prefix) {
        assertReason(() -> scheme.issue(prefix, 42), Reason.UNKNOWN_PREFIX);
        InvalidCustomerIdException refused =
                catchThrowableOfType(InvalidCustomerIdException.class, () -> scheme.issuablePrefix(prefix));
        assertThat(refused.requested()).isTrue();
        assertThat(refused.getMessage()).doesNotContain(prefix);
    }

    @Test
    void namesThePrefixANewIdWouldGet() {
        assertThat(scheme.issuablePrefix(" bk ")).isEqualTo("BK");
        assertThat(scheme.issuablePrefix(null)).isEqualTo(scheme.defaultPrefix());
        assertThat(scheme.issuablePrefix("  ")).isEqualTo(scheme.defaultPrefix());
    }

    @Test
    void rejectsUnknownPrefixesWhenParsing() {
        String foreign = CustomerId.of("ZZ", "1234567890").displayForm();

        assertThat(CustomerId.parse(foreign).prefix()).isEqualTo("ZZ");
        assertReason(() -> scheme.parse(foreign), Reason.UNKNOWN_PREFIX);
        assertThat(catchThrowableOfType(InvalidCustomerIdException.class, () -> scheme.parse(foreign))
                        .requested())
                .isFalse();
    }

    @Test
    void parsesAllowedIdsLenientlyAndKeepsTheOtherRejections() {
        assertThat(scheme.parse("ac 1234 5678 9OO")).isEqualTo(CustomerId.of("AC", "1234567890"));
        assertThat(scheme.parse("bk-9876-5432-101")).isEqualTo(CustomerId.of("BK", "9876543210"));
        assertReason(() -> scheme.parse("AC-1234-5678-901"), Reason.CHECK_DIGIT_MISMATCH);
        assertReason(() -> scheme.parse("AC-1234-5678"), Reason.MALFORMED);
        assertReason(() -> scheme.parse(null), Reason.MALFORMED);
    }

    @Test
    void normalizesConfiguredPrefixesToUpperCaseInOrderWithoutDuplicates() {
        CustomerIdScheme configured = new CustomerIdScheme(List.of("bk", " ac ", "AC", "Bk"), "ac", permutation);

        assertThat(configured.prefixes()).containsExactly("BK", "AC");
        assertThat(configured.defaultPrefix()).isEqualTo("AC");
        assertThat(configured.issue(null, 7).prefix()).isEqualTo("AC");
        assertThatThrownBy(() -> configured.prefixes().add("ZZ")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @MethodSource("badConfigurations")
    void rejectsBadConfiguration(Collection<String> prefixes, String defaultPrefix) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CustomerIdScheme(prefixes, defaultPrefix, permutation))
                .withMessageContaining("prefix");
    }

    @Test
    void requiresAPermutation() {
        assertThatNullPointerException().isThrownBy(() -> new CustomerIdScheme(List.of("AC"), "AC", null));
    }

    @Test
    void issuingIsDeterministicPerPrefixAndSequenceValueAndDependsOnTheKey() {
        CustomerIdScheme sameKey =
                new CustomerIdScheme(List.of("AC", "BK", "QX"), "AC", new BodyPermutation(TestKeys.SEQUENTIAL.clone()));
        CustomerIdScheme otherKey =
                new CustomerIdScheme(List.of("AC", "BK", "QX"), "AC", new BodyPermutation(TestKeys.key(3)));

        for (String prefix : scheme.prefixes()) {
            for (long n : new long[] {0, 1, 2, 1_000, 9_999_999_999L}) {
                assertThat(sameKey.issue(prefix, n)).isEqualTo(scheme.issue(prefix, n));
                assertThat(otherKey.issue(prefix, n)).isNotEqualTo(scheme.issue(prefix, n));
            }
        }
    }

    @Test
    void bodiesAreUniqueAcrossPrefixesForDistinctSequenceValues() {
        Set<String> bodies = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int n = 0; n < 30_000; n++) {
            CustomerId id = scheme.issue(scheme.prefixes().get(n % 3), n);
            bodies.add(id.body());
            values.add(id.value());
        }

        assertThat(bodies).hasSize(30_000);
        assertThat(values).hasSize(30_000);
    }

    @Test
    void issuedIdsParseBackFromTheirDisplayForm() {
        for (long n = 0; n < 1_000; n++) {
            CustomerId id = scheme.issue(scheme.prefixes().get((int) (n % 3)), n);

            assertThat(scheme.parse(id.displayForm())).isEqualTo(id);
            assertThat(permutation.sequenceValueOf(id.body())).isEqualTo(n);
        }
    }

    @Test
    void rejectsSequenceValuesOutsideTheBodySpaceWhenIssuing() {
        assertThatIllegalArgumentException().isThrownBy(() -> scheme.issue("AC", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> scheme.issue(null, 10_000_000_000L));
    }
}
