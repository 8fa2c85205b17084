package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.InvalidCustomerIdException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exhaustive checks that every single-digit mistake and every adjacent swap in the eleven digits is caught. */
class CustomerIdErrorDetectionTests {

    private static final int FIRST_DIGIT = 2;
    private static final int LENGTH = 13;

    static Stream<CustomerId> validIds() {
        Random random = new Random(20_251_123);
        Stream<CustomerId> randomIds = Stream.generate(() -> CustomerId.of(randomPrefix(random), randomBody(random)))
                .limit(500);
        Stream<CustomerId> specExamples = Stream.of(
                CustomerId.of("AC", "1234567890"),
                CustomerId.of("AC", "0000000000"),
                CustomerId.of("BK", "9876543210"));
        return Stream.concat(specExamples, randomIds);
    }

    @ParameterizedTest
    @MethodSource("validIds")
    void rejectsEverySingleDigitSubstitution(CustomerId id) {
        String valid = id.value();
        List<String> mistypes = new ArrayList<>();
        for (int position = FIRST_DIGIT; position < LENGTH; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    mistypes.add(replace(valid, position, digit));
                }
            }
        }

        assertThat(mistypes).hasSize(11 * 9);
        assertThat(mistypes)
                .allSatisfy(mistyped ->
                        assertThat(reasonParsing(mistyped)).as(mistyped).isEqualTo(Reason.CHECK_DIGIT_MISMATCH));
    }

    @ParameterizedTest
    @MethodSource("validIds")
    void rejectsEveryAdjacentTransposition(CustomerId id) {
        String valid = id.value();
        List<String> swaps = new ArrayList<>();
        for (int position = FIRST_DIGIT; position < LENGTH - 1; position++) {
            char left = valid.charAt(position);
            char right = valid.charAt(position + 1);
            if (left != right) {
                swaps.add(replace(replace(valid, position, right), position + 1, left));
            }
        }

        assertThat(swaps)
                .isNotEmpty()
                .allSatisfy(swapped ->
                        assertThat(reasonParsing(swapped)).as(swapped).isEqualTo(Reason.CHECK_DIGIT_MISMATCH));
    }

    private static Reason reasonParsing(String input) {
        try {
            CustomerId.parse(input);
            return null;
        } catch (InvalidCustomerIdException e) {
            return e.reason();
        }
    }

    private static String replace(String s, int position, char c) {
        char[] chars = s.toCharArray();
        chars[position] = c;
        return new String(chars);
    }

    private static String randomPrefix(Random random) {
        return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    private static String randomBody(Random random) {
        return String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
    }
}
