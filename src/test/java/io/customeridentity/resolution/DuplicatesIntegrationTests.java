package io.customeridentity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import io.customeridentity.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Duplicate detection through the API: typo-tolerant duplicates found, the three shapes of the question (a stored
 * customer's duplicates, a profile's matches, a registration refused as a likely duplicate), the cap on over-shared
 * match keys, and the match keys themselves (no plaintext, replaced on change).
 */
@IntegrationTest
class DuplicatesIntegrationTests {

    /** Unique people per run: made-up names from a run-seeded generator, so no other test's customers match. */
    private static final Random RANDOM = new Random(System.nanoTime());

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> variations() {
        return Stream.of(
                Arguments.of("a typo in the family name", (UnaryOperator<Map<String, Object>>) person -> {
                    String family = (String) person.get("familyName");
                    person.put("familyName", family.substring(0, 3) + family.substring(4));
                    return person;
                }),
                Arguments.of("no given name", (UnaryOperator<Map<String, Object>>) person -> {
                    person.remove("givenName");
                    return person;
                }),
                Arguments.of("another street number", (UnaryOperator<Map<String, Object>>) person -> {
                    address(person).put("line1", "9" + address(person).get("line1"));
                    return person;
                }),
                Arguments.of("day and month swapped", (UnaryOperator<Map<String, Object>>) person -> {
                    LocalDate born = LocalDate.parse((String) person.get("birthDate"));
                    person.put(
                            "birthDate",
                            LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue())
                                    .toString());
                    return person;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variations")
    void findsADuplicateThatDiffersBy(String difference, UnaryOperator<Map<String, Object>> vary) {
        Map<String, Object> person = aPerson();
        String original = register(person);
        String duplicate = register(vary.apply(copy(person)));

        JsonNode found = duplicates(duplicate, null).path("items");

        assertThat(ids(found)).as(difference).contains(original);
        assertThat(ids(duplicates(original, null).path("items"))).as(difference).contains(duplicate);
    }

    @Test
    void listsDuplicatesAtOrAboveMinScoreBestFirstWithFieldsAndLevels() {
        Map<String, Object> person = aPerson();
        String original = register(person);
        String copy = register(copy(person));
        Map<String, Object> changed = copy(person);
        changed.put("givenName", aName());
        changed.put("birthDate", "1950-01-01");
        String sibling = register(changed);
        String unrelated = register(aPerson());

        JsonNode all = duplicates(original, "0").path("items");
        assertThat(ids(all)).startsWith(copy).contains(sibling).doesNotContain(unrelated, original);
        assertThat(all.at("/0/displayId").asString()).startsWith(copy.substring(0, 2) + "-");
        assertThat(all.at("/0/score").decimalValue())
                .isGreaterThan(all.at("/1/score").decimalValue());
        assertThat(all.at("/0/reasons/0").toString()).isEqualTo("{\"field\":\"address.line1\",\"level\":\"exact\"}");
        assertThat(reasons(all.get(0)))
                .contains("givenName:exact", "familyName:exact", "birthDate:exact", "address.postalCode:exact");
        assertThat(reasons(all.get(1))).contains("givenName:different", "birthDate:different");

        JsonNode likely = duplicates(original, null).path("items");
        assertThat(ids(likely)).as("at the default min-score").contains(copy).doesNotContain(sibling);
        assertThat(ids(duplicates(original, "1").path("items"))).isEmpty();
    }

    @Test
    void leavesOutCustomersMergedAlready() {
        Map<String, Object> person = aPerson();
        String original = register(person);
        String copy = register(copy(person));
        assertThat(ids(duplicates(original, null).path("items"))).contains(copy);

        new ResolutionApi(client).merged(original, copy);

        assertThat(ids(duplicates(original, null).path("items"))).doesNotContain(copy);
        assertThat(ids(duplicates(copy, null).path("items")))
                .as("a merged customer's are its survivor's")
                .doesNotContain(copy, original);
    }

    @Test
    void rejectsAMinScoreOutsideZeroToOne() {
        String id = register(aPerson());
        for (String minScore : List.of("1.5", "-0.1", "high")) {
            api().get("/api/v1/customers/" + id + "/duplicates?minScore=" + minScore)
                    .expectStatus()
                    .isBadRequest();
        }
    }

    @Test
    void answersWhetherAProfileThatIsNotStoredIsACustomer() {
        Map<String, Object> person = aPerson();
        String original = register(person);
        Map<String, Object> typed = copy(person);
        typed.put("familyName", ((String) person.get("familyName")).toUpperCase(Locale.ROOT));
        long before = customers();

        JsonNode matches = matches(typed, null, 200).path("items");

        assertThat(ids(matches)).containsExactly(original);
        assertThat(matches.at("/0/score").decimalValue()).isGreaterThan(new java.math.BigDecimal("0.9"));
        assertThat(reasons(matches.get(0))).contains("familyName:exact");
        assertThat(matches(aPerson(), null, 200).path("items")).isEmpty();
        assertThat(customers()).as("nothing stored").isEqualTo(before);

        Map<String, Object> invalid = copy(person);
        invalid.put("birthDate", "1850-01-01");
        assertThat(matches(invalid, null, 400).at("/errors/0/field").asString()).isEqualTo("birthDate");
        invalid.put("birthDate", "1990-02-30");
        matches(invalid, null, 400);
        matches(Map.of(), null, 400);
        matches(person, "2", 400);
    }

    @Test
    void refusesALikelyDuplicateRegistrationOnlyWhenAsked() {
        Map<String, Object> person = aPerson();
        String original = register(person);

        EntityExchangeResult<JsonNode> refused = registerPreferring(copy(person), "duplicates=reject");

        assertThat(refused.getStatus().value()).isEqualTo(409);
        JsonNode problem = refused.getResponseBody();
        assertThat(problem.path("code").asString()).isEqualTo("likely-duplicate");
        assertThat(problem.at("/candidates/0/customerId").asString()).isEqualTo(original);
        assertThat(problem.at("/candidates/0/score").decimalValue())
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("0.9"));
        assertThat(problem.toString())
                .as("no personal data in the problem")
                .doesNotContain((String) person.get("familyName"))
                .doesNotContain((String) person.get("birthDate"));

        EntityExchangeResult<JsonNode> other = registerPreferring(aPerson(), "respond-async, duplicates=reject");
        assertThat(other.getStatus().value()).isEqualTo(201);
        assertThat(other.getResponseHeaders().getFirst("Preference-Applied")).isEqualTo("duplicates=reject");
        EntityExchangeResult<JsonNode> unasked = registerPreferring(copy(person), null);
        assertThat(unasked.getStatus().value())
                .as("without the preference, unchanged")
                .isEqualTo(201);
        assertThat(unasked.getResponseHeaders().getFirst("Preference-Applied")).isNull();
    }

    /**
     * A family of more customers than the cap at one address: the keys they share (family name with postal code or
     * street, street with postal code) find no candidates; the one who shares a key of their own still does.
     */
    @Test
    void skipsMatchKeysSharedByMoreCustomersThanTheCap() {
        Map<String, Object> household = aPerson();
        for (int i = 0; i < 51; i++) {
            // Only the family name and the address: no key of theirs but the shared ones.
            Map<String, Object> member = copy(household);
            member.remove("givenName");
            member.remove("birthDate");
            register(member);
        }
        Map<String, Object> newcomer = copy(household);
        newcomer.put("givenName", aName());
        newcomer.put("birthDate", aBirthDate());
        String probe = register(newcomer);
        assertThat(duplicates(probe, "0").path("items"))
                .as("only over-shared keys")
                .isEmpty();

        Map<String, Object> twin = copy(newcomer);
        twin.put("familyName", aName());
        String sameGivenAndBirth = register(twin);
        assertThat(ids(duplicates(probe, "0").path("items"))).containsExactly(sameGivenAndBirth);
    }

    @Test
    void storesMatchKeysAsKeyedHashesOnlyAndReplacesThemOnChange() {
        Map<String, Object> person = aPerson();
        String id = register(person);
        List<byte[]> before = matchKeys(id);
        assertThat(before)
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(key -> assertThat(key).hasSize(16));
        Set<String> plain = new HashSet<>();
        person.values().forEach(value -> collect(value, plain));
        for (byte[] key : before) {
            String asText = new String(key, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            for (String value : plain) {
                for (String part : value.toLowerCase(Locale.ROOT).split("[ -]")) {
                    if (part.length() >= 4) {
                        assertThat(asText).doesNotContain(part);
                    }
                }
            }
        }

        api().patched(id, 1, Map.of("familyName", aName()));

        List<byte[]> after = matchKeys(id);
        Set<String> beforeHex = hex(before);
        Set<String> afterHex = hex(after);
        assertThat(afterHex).hasSameSizeAs(beforeHex).isNotEqualTo(beforeHex);
        assertThat(afterHex).as("keys without the family name stay").containsAnyElementsOf(beforeHex);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_match_keys WHERE customer_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(after.size());
    }

    // --- the people

    private static Map<String, Object> aPerson() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", aName());
        person.put("familyName", aName());
        person.put("birthDate", aBirthDate());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", (1 + RANDOM.nextInt(200)) + " " + aName() + " Street");
        address.put("city", aName());
        address.put("postalCode", String.valueOf(1000 + RANDOM.nextInt(9000)));
        address.put("country", "AU");
        person.put("address", address);
        return person;
    }

    /** A made-up name of three syllables: "Tarovin", "Kelumar". */
    private static String aName() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.append(consonants.charAt(RANDOM.nextInt(consonants.length())));
            name.append(vowels.charAt(RANDOM.nextInt(vowels.length())));
        }
        name.append(consonants.charAt(RANDOM.nextInt(consonants.length())));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Day and month both at most 12 and different, so that swapping them gives another valid date. */
    private static String aBirthDate() {
        int month = 1 + RANDOM.nextInt(12);
        int day = 1 + (month + RANDOM.nextInt(11)) % 12;
        return LocalDate.of(1930 + RANDOM.nextInt(70), month, day).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> person) {
        return (Map<String, Object>) person.get("address");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> person) {
        Map<String, Object> copy = new LinkedHashMap<>(person);
        copy.put("address", new LinkedHashMap<>((Map<String, Object>) person.get("address")));
        return copy;
    }

    // --- the API

    private CustomerApi api() {
        return new CustomerApi(client);
    }

    private String register(Map<String, Object> body) {
        return api().created(body).path("id").asString();
    }

    private EntityExchangeResult<JsonNode> registerPreferring(Map<String, Object> body, String prefer) {
        RestTestClient.RequestBodySpec request = client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.body(body).exchange().expectBody(JsonNode.class).returnResult();
    }

    private JsonNode duplicates(String id, String minScore) {
        return api().json(
                        "/api/v1/customers/" + id + "/duplicates" + (minScore == null ? "" : "?minScore=" + minScore));
    }

    private JsonNode matches(Map<String, Object> body, String minScore, int status) {
        EntityExchangeResult<JsonNode> result = client.post()
                .uri("/api/v1/customers/matches" + (minScore == null ? "" : "?minScore=" + minScore))
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
        assertThat(result.getStatus().value())
                .as(String.valueOf(result.getResponseBody()))
                .isEqualTo(status);
        return result.getResponseBody();
    }

    private long customers() {
        return jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();
    }

    private List<byte[]> matchKeys(String id) {
        return jdbc.sql("SELECT match_key FROM customer_match_keys WHERE customer_id = :id")
                .param("id", id)
                .query(byte[].class)
                .list();
    }

    private static Set<String> hex(List<byte[]> keys) {
        Set<String> hex = new HashSet<>();
        keys.forEach(key -> hex.add(java.util.HexFormat.of().formatHex(key)));
        return hex;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(inner -> collect(inner, into));
        } else if (value != null) {
            into.add(value.toString());
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("customerId").asString()));
        return ids;
    }

    private static List<String> reasons(JsonNode item) {
        List<String> reasons = new ArrayList<>();
        item.path("reasons")
                .forEach(reason -> reasons.add(reason.path("field").asString() + ":"
                        + reason.path("level").asString()));
        return reasons;
    }
}
