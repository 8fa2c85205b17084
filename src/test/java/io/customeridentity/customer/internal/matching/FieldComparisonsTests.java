package io.customeridentity.customer.internal.matching;

import static io.customeridentity.customer.internal.matching.FieldComparisons.Level.CLOSE;
import static io.customeridentity.customer.internal.matching.FieldComparisons.Level.DIFFERENT;
import static io.customeridentity.customer.internal.matching.FieldComparisons.Level.EXACT;
import static io.customeridentity.customer.internal.matching.FieldComparisons.Level.MISSING;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.internal.matching.FieldComparisons.Compared;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldComparisonsTests {

    @Test
    void comparesNamesByJaroWinklerAndSound() {
        assertThat(FieldComparisons.name("smith", "smith")).isEqualTo(EXACT);
        assertThat(FieldComparisons.name("smith", "smyth")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.name("catherine", "kathryn")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.name("smith", "jones")).isEqualTo(DIFFERENT);
        assertThat(FieldComparisons.name("smith", null)).isEqualTo(MISSING);
    }

    @Test
    void comparesTextByJaroWinkler() {
        assertThat(FieldComparisons.text("kellerberrin", "kellerberin")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.text("toowoomba", "scarborough")).isEqualTo(DIFFERENT);
        assertThat(FieldComparisons.text(null, null)).isEqualTo(MISSING);
    }

    @Test
    void takesOneEditOrOneAdjacentSwapInACodeAsClose() {
        assertThat(FieldComparisons.code("2065", "2065")).isEqualTo(EXACT);
        assertThat(FieldComparisons.code("2065", "2066")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.code("2065", "2056")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.code("2065", "206")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.code("2065", "3075")).isEqualTo(DIFFERENT);
        assertThat(FieldComparisons.code("2065", "2560")).isEqualTo(DIFFERENT);
    }

    @Test
    void takesASwappedDayAndMonthOrOneChangedPartOfABirthDateAsClose() {
        LocalDate born = LocalDate.of(1985, 3, 7);
        assertThat(FieldComparisons.birthDate(born, born)).isEqualTo(EXACT);
        assertThat(FieldComparisons.birthDate(born, LocalDate.of(1985, 7, 3))).isEqualTo(CLOSE);
        assertThat(FieldComparisons.birthDate(born, LocalDate.of(1958, 3, 7))).isEqualTo(CLOSE);
        assertThat(FieldComparisons.birthDate(born, LocalDate.of(1985, 3, 17))).isEqualTo(CLOSE);
        assertThat(FieldComparisons.birthDate(born, LocalDate.of(1990, 11, 7))).isEqualTo(DIFFERENT);
        assertThat(FieldComparisons.birthDate(born, null)).isEqualTo(MISSING);
    }

    @Test
    void takesAnotherHouseNumberOnTheSameStreetAsClose() {
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("12 ocean street")))
                .isEqualTo(EXACT);
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("14 ocean street")))
                .isEqualTo(CLOSE);
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("ocean street")))
                .isEqualTo(CLOSE);
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("12 ocaen street")))
                .isEqualTo(CLOSE);
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("14 ocaen street")))
                .isEqualTo(DIFFERENT);
        assertThat(FieldComparisons.line1(line1("12 ocean street"), line1("3 bay road")))
                .isEqualTo(DIFFERENT);
    }

    @Test
    void takesTheSameLocalPartAtAnotherDomainAsClose() {
        assertThat(FieldComparisons.email("ada@example.org", "ada@example.org")).isEqualTo(EXACT);
        assertThat(FieldComparisons.email("ada@example.org", "ada@example.com")).isEqualTo(CLOSE);
        assertThat(FieldComparisons.email("ada@example.org", "grace@example.org"))
                .isEqualTo(DIFFERENT);
    }

    @Test
    void readsGivenAndFamilyNameEnteredTheWrongWayRound() {
        MatchFeatures jon = MatchFeatures.of(person("Jon", "Smyth"));
        MatchFeatures swapped = MatchFeatures.of(person("Smyth", "Jon"));
        assertThat(FieldComparisons.compare(jon, swapped))
                .contains(new Compared("givenName", EXACT), new Compared("familyName", EXACT));
    }

    @Test
    void answersEveryFieldInOrder() {
        MatchFeatures jon = MatchFeatures.of(person("Jon", "Smyth"));
        assertThat(FieldComparisons.compare(jon, jon).stream().map(Compared::field))
                .containsExactlyElementsOf(FieldComparisons.FIELDS);
    }

    private static MatchFeatures line1(String line1) {
        return MatchFeatures.of(new CustomerProfile(
                null, "x", null, null, null, new Address(line1, null, null, null, null, "AU"), null, Map.of()));
    }

    private static CustomerProfile person(String given, String family) {
        return new CustomerProfile(given, family, null, null, null, null, null, Map.of());
    }
}
