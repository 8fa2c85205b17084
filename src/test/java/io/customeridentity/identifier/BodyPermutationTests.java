package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyPermutationTests {

    private static final long SIZE = 10_000_000_000L;

    private final BodyPermutation permutation = new BodyPermutation(TestKeys.SEQUENTIAL);

    static Stream<Long> sampledSequenceValues() {
        Random random = new Random(2024);
        return Stream.concat(
                Stream.of(0L, 1L, 2L, 9L, 10L, 999_999L, 1_000_000L, SIZE / 2, SIZE - 2, SIZE - 1),
                LongStream.generate(() -> Math.floorMod(random.nextLong(), SIZE))
                        .limit(300)
                        .boxed());
    }

    @Test
    void firstMillionSequenceValuesGiveDistinctTenDigitBodies() {
        long[] sortedBodies = LongStream.range(0, 1_000_000)
                .parallel()
                .mapToObj(permutation::bodyFor)
                .mapToLong(body -> Ascii.isDigits(body, 10) ? Long.parseLong(body) : -1)
                .sorted()
                .toArray();

        assertThat(sortedBodies[0]).as("every body is ten ASCII digits").isNotNegative();
        List<Long> issuedTwice = new ArrayList<>();
        for (int i = 1; i < sortedBodies.length; i++) {
            if (sortedBodies[i] == sortedBodies[i - 1]) {
                issuedTwice.add(sortedBodies[i]);
            }
        }
        assertThat(issuedTwice).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("sampledSequenceValues")
    void sequenceValueOfInvertsBodyFor(long sequenceValue) {
        String body = permutation.bodyFor(sequenceValue);

        assertThat(body).hasSize(10).containsOnlyDigits();
        assertThat(permutation.sequenceValueOf(body)).isEqualTo(sequenceValue);
    }

    @ParameterizedTest
    @MethodSource("sampledSequenceValues")
    void bodyIsTheFf1EncryptionOfTheZeroPaddedSequenceValueWithEmptyTweak(long sequenceValue) {
        Ff1 ff1 = new Ff1(TestKeys.SEQUENTIAL, 10);

        assertThat(permutation.bodyFor(sequenceValue))
                .isEqualTo(ff1.encrypt(String.format("%010d", sequenceValue), new byte[0]));
    }

    @ParameterizedTest
    @CsvSource({"0, 0459278690", "1, 5109493327"})
    void bodiesNeverChangeForAGivenKey(long sequenceValue, String body) {
        // Issued IDs live forever: a change here would silently re-key every customer.
        assertThat(permutation.bodyFor(sequenceValue)).isEqualTo(body);
    }

    @Test
    void consecutiveSequenceValuesGiveFarApartBodies() {
        long previous = Long.parseLong(permutation.bodyFor(0));
        for (long n = 1; n <= 10_000; n++) {
            long body = Long.parseLong(permutation.bodyFor(n));
            assertThat(Math.abs(body - previous))
                    .as("distance between bodies %d and %d", n - 1, n)
                    .isGreaterThan(1000);
            previous = body;
        }
    }

    @Test
    void bodiesSpreadEvenlyOverLeadingDigits() {
        Map<Character, Long> countsByLeadingDigit = LongStream.range(0, 100_000)
                .parallel()
                .mapToObj(permutation::bodyFor)
                .collect(Collectors.groupingBy(body -> body.charAt(0), Collectors.counting()));

        // A uniform spread gives 10,000 each (standard deviation about 95); sequential bodies would all start with 0.
        assertThat(countsByLeadingDigit).hasSize(10);
        assertThat(countsByLeadingDigit.values())
                .allSatisfy(count -> assertThat(count).isBetween(9_500L, 10_500L));
    }

    @Test
    void differentKeysGiveDifferentPermutations() {
        BodyPermutation other = new BodyPermutation(TestKeys.key(99));

        for (long n = 0; n < 1_000; n++) {
            assertThat(other.bodyFor(n)).as("body %d", n).isNotEqualTo(permutation.bodyFor(n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void acceptsEveryAesKeySize(int keyLength) {
        BodyPermutation withKey = new BodyPermutation(TestKeys.key(5, keyLength));

        assertThat(withKey.sequenceValueOf(withKey.bodyFor(123_456_789L))).isEqualTo(123_456_789L);
    }

    @Test
    void rejectsKeysOfOtherSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BodyPermutation(new byte[31]));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 10_000_000_000L, Long.MIN_VALUE, Long.MAX_VALUE})
    void rejectsSequenceValuesOutsideTheBodySpace(long sequenceValue) {
        assertThatIllegalArgumentException().isThrownBy(() -> permutation.bodyFor(sequenceValue));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456789", "12345678901", "12345abcde", "-123456789", "\u0661234567890"})
    void rejectsBodiesThatAreNotTenAsciiDigits(String body) {
        assertThatIllegalArgumentException().isThrownBy(() -> permutation.sequenceValueOf(body));
    }

    @Test
    void rejectsNullBody() {
        assertThatIllegalArgumentException().isThrownBy(() -> permutation.sequenceValueOf(null));
    }

    @Test
    void givesTheSameBodiesWhenCalledFromManyThreadsAtOnce() throws Exception {
        int count = 5_000;
        List<String> expected =
                IntStream.range(0, count).mapToObj(n -> permutation.bodyFor(n)).toList();

        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> IntStream.range(0, count)
                        .mapToObj(n -> permutation.bodyFor(n))
                        .toList());
            }
            for (Future<List<String>> result : executor.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
