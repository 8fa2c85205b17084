package io.customeridentity.shared.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.shared.fuzz.ApiSpec.Operation;
import io.customeridentity.shared.fuzz.FuzzRequest.Expect;
import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input suite, one test class per endpoint family ({@link Family}): reads the live OpenAPI description and, for
 * every operation of its family, sends its valid request broken in every way {@link FuzzCases} knows (wrong JSON
 * types, missing and null fields, hostile text, bad parameters, broken headers and bodies, every method), with a
 * token holding every scope and without one. Every answer must be a 4xx problem or a status the operation documents,
 * never a 5xx, never HTML; afterwards the database invariants hold and it holds exactly the acknowledged writes.
 * {@code -Dfuzz.iterations=N} adds N-1 rounds of random double breakages per operation ({@code -Dfuzz.seed=} picks
 * them).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InputSuite {

    /** The endpoint families: each has its own test class; {@link #EDGE} also takes any operation of no other. */
    enum Family {
        CUSTOMERS,
        INTERACTIONS,
        ACCOUNTS,
        RESOLUTION,
        PRIVACY,
        IDENTIFIERS,
        EVENTS,
        EDGE;

        static Family of(String path) {
            if (path.startsWith("/api/v1/customer-ids/") || path.equals("/api/v1/prefixes")) {
                return IDENTIFIERS;
            }
            if (path.startsWith("/api/v1/events")) {
                return EVENTS;
            }
            if (path.contains("/interactions") || path.endsWith("/summary")) {
                return INTERACTIONS;
            }
            if (path.contains("/accounts")) {
                return ACCOUNTS;
            }
            if (path.contains("/merges")
                    || path.contains("/external-refs")
                    || path.equals("/api/v1/resolve")
                    || path.contains("/duplicates")
                    || path.contains("/matches")) {
                return RESOLUTION;
            }
            if (path.contains("/audit") || path.endsWith("/erasure") || path.endsWith("/export")) {
                return PRIVACY;
            }
            if (path.startsWith("/api/v1/customers")) {
                return CUSTOMERS;
            }
            return EDGE;
        }
    }

    /** The family this class sends its requests to. */
    abstract Family family();

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1);
    private static final long SEED = Long.getLong("fuzz.seed", 19);
    private static final int RANDOM_CASES_PER_ROUND = 200;
    private static final int REPORTED = 15;

    /** Paths outside the API description that answer the same rules. */
    private static final List<String> OUTSIDE_THE_API = List.of(
            "/actuator/health",
            "/actuator/health/readiness",
            "/actuator/info",
            "/actuator/prometheus",
            "/error",
            "/swagger-ui/index.html",
            "/v3/api-docs",
            "/",
            "/nope",
            "/api/v1/",
            "/api/v1/customers/");

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Value("${customer-identity.http.max-body-size:2MB}")
    DataSize maxBody;

    @Value("${customer-identity.http.max-batch-body-size:16MB}")
    DataSize maxBatchBody;

    RawHttpClient http;
    List<Operation> allOperations;
    List<Operation> operations;
    FuzzCases cases;
    FuzzCases erasureCases;
    Map<String, Map<String, Set<Integer>>> documented = new HashMap<>();
    AcknowledgedWrites acknowledged;

    @BeforeAll
    void readTheDescription() {
        http = new RawHttpClient(port);
        CustomerApi customers = new CustomerApi(client);
        String survivor = customers
                .created(Map.of("givenName", "Grace", "familyName", "Hopper"))
                .path("id")
                .asString();
        String merged = customers
                .created(Map.of("givenName", "Grace", "familyName", "Murray"))
                .path("id")
                .asString();
        Map<String, String> known = new HashMap<>();
        known.put("id", survivor);
        known.put("candidate", survivor);
        known.put("customerId", survivor);
        known.put("mergedCustomerId", merged);
        known.put("prefix", "AC");
        known.put("country", "GB");
        known.put("language", "en");
        known.put("version", "1");
        known.put("If-Match", "\"1\"");
        // Identifiers unique to this run: the schema's examples are shared with other tests, which must not find
        // the fuzz's account links, external references, producer keys or contacts.
        String run = UUID.randomUUID().toString();
        known.put("Idempotency-Key", "fuzz-" + run);
        known.put("externalId", "fuzz-" + run);
        known.put("source", "fuzz");
        known.put("system", "fuzz-" + run.substring(0, 8));
        known.put("email", "fuzz-" + run + "@example.org");
        known.put("givenName", "Fuzz");
        known.put("familyName", "Fuzzer");
        known.put("phone", String.format("+44 20 7946 0%03d", new Random().nextInt(900)));
        known.put("accountNumber", uniqueIban());
        known.put("X-Change-Reason", "fuzz");
        known.put("inactiveSince", "2026-01-01T00:00:00Z");
        byte[] docs = ApiDocs.fetch(client);
        ApiSpec spec = new ApiSpec(json.readTree(docs), known);
        allOperations = spec.operations();
        operations = allOperations.stream()
                .filter(operation -> Family.of(operation.path()) == family())
                .toList();
        cases = new FuzzCases(spec, json, TestTokens.readWrite(), maxBody.toBytes());
        // The erasure's valid requests erase their customer: a customer of its own, so that the other operations
        // keep an ACTIVE one.
        Map<String, String> forErasure = new HashMap<>(known);
        forErasure.put(
                "id",
                customers
                        .created(Map.of("givenName", "Grace", "familyName", "Erasable"))
                        .path("id")
                        .asString());
        erasureCases = new FuzzCases(
                new ApiSpec(json.readTree(docs), forErasure), json, TestTokens.readWrite(), maxBody.toBytes());
        acknowledged = new AcknowledgedWrites(json);
        acknowledged.start(jdbc);
        for (Operation operation : allOperations) {
            documented
                    .computeIfAbsent(operation.path(), path -> new HashMap<>())
                    .put(operation.method(), operation.documented());
        }
    }

    /** A valid IBAN (mod 97 check digits) that no other test uses. */
    private static String uniqueIban() {
        StringBuilder account = new StringBuilder("FUZZ");
        Random random = new Random();
        for (int i = 0; i < 14; i++) {
            account.append(random.nextInt(10));
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (account + "GB00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98
                - new java.math.BigInteger(digits.toString())
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue();
        return "GB" + String.format("%02d", check) + account;
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> answersEveryBrokenRequestOfEveryOperationWithA4xxProblemOrADocumentedStatus() {
        assertThat(allOperations).as("operations in /v3/api-docs").hasSizeGreaterThan(20);
        if (family() != Family.EDGE) {
            assertThat(operations).as("operations of the family " + family()).isNotEmpty();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations) {
            tests.add(DynamicTest.dynamicTest(operation.name(), () -> {
                FuzzCases operationCases = operation.path().endsWith("/erasure") ? erasureCases : cases;
                List<FuzzRequest> requests = new ArrayList<>(operationCases.of(operation, maxBatchBody.toBytes()));
                for (int round = 1; round < ITERATIONS; round++) {
                    requests.addAll(operationCases.random(
                            operation,
                            new Random(
                                    SEED * 31 + round * 7919L + operation.name().hashCode()),
                            RANDOM_CASES_PER_ROUND));
                }
                sendAll(operation.name(), requests);
            }));
        }
        if (family() == Family.EDGE) {
            tests.add(
                    DynamicTest.dynamicTest("outside the API description", () -> sendAll("outside", outsideTheApi())));
        }
        return tests.stream();
    }

    @Test
    @Order(2)
    void leavesTheDatabaseConsistentWithExactlyTheAcknowledgedWrites() {
        assertThat(StoreInvariants.broken(jdbc))
                .as("broken invariants: rows breaking each")
                .isEmpty();
        if (family() == Family.CUSTOMERS) {
            assertThat(acknowledged.acknowledgedCustomers())
                    .as("registrations answered 201")
                    .isNotEmpty();
        }
        assertThat(acknowledged.newCustomers(jdbc))
                .as("customers stored during the fuzz = those answered 201")
                .containsExactlyInAnyOrderElementsOf(acknowledged.acknowledgedCustomers());
        if (family() == Family.INTERACTIONS) {
            assertThat(acknowledged.acknowledgedInteractions())
                    .as("interactions answered as created")
                    .isNotEmpty();
        }
        assertThat(acknowledged.newInteractions(jdbc))
                .as("interactions stored during the fuzz = those answered 201 or CREATED")
                .containsExactlyInAnyOrderElementsOf(acknowledged.acknowledgedInteractions());
    }

    private List<FuzzRequest> outsideTheApi() {
        List<FuzzRequest> requests = new ArrayList<>();
        for (String path : OUTSIDE_THE_API) {
            for (String method : FuzzCases.METHODS) {
                for (String query : List.of("", "?x=%FF", "?x=%", "?x=%00", "?x=" + "y".repeat(10_000))) {
                    FuzzRequest request = FuzzRequest.of("outside", method + " " + path + query, method, path + query);
                    requests.add(request);
                    requests.add(request.header("Authorization", "Bearer " + TestTokens.readWrite())
                            .what(request.what() + " (token)"));
                }
            }
        }
        for (String path :
                List.of("/..%2F..%2Fetc%2Fpasswd", "/%00", "/%FF", "/\u00ff", "/a/../../b", "/" + "a".repeat(10_000))) {
            requests.add(FuzzRequest.of("outside", "GET " + path, "GET", path));
        }
        requests.add(FuzzRequest.of("outside", "HTTP/2.0 request line", "GET", "/actuator/health HTTP/2.0\r\nX:"));
        return requests;
    }

    private void sendAll(String name, List<FuzzRequest> requests) {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (FuzzRequest request : requests) {
            FuzzAnswer answer = http.send(request);
            acknowledged.note(request, answer);
            String broken = brokenRule(request, answer);
            if (broken != null) {
                System.out.printf(
                        "fuzz: FAILED %s: %s %s -> %s%n",
                        broken, request.operation(), request.what(), answer.excerpt());
                failures.add(broken + "\n" + request.reproduction() + "\n  answer: " + answer.excerpt());
            }
        }
        System.out.printf(
                "fuzz: %s: %d requests, %d failures, %d ms%n",
                name, requests.size(), failures.size(), (System.nanoTime() - started) / 1_000_000);
        assertThat(failures)
                .as(
                        "%d of %d requests broke the rules; the first %d:%n%s",
                        failures.size(),
                        requests.size(),
                        Math.min(REPORTED, failures.size()),
                        String.join("\n\n", failures.subList(0, Math.min(REPORTED, failures.size()))))
                .isEmpty();
    }

    /** The rule the answer breaks, or null: no 5xx, errors as problem JSON, no HTML, 2xx only where documented. */
    private String brokenRule(FuzzRequest request, FuzzAnswer answer) {
        int status = answer.status();
        if (status == FuzzAnswer.NONE) {
            return "NO ANSWER";
        }
        if (status >= 500) {
            return "SERVER ERROR " + status;
        }
        String body = answer.text().toLowerCase(Locale.ROOT);
        boolean api = !request.target().startsWith("/swagger-ui");
        if (api
                && (body.contains("<html")
                        || body.contains("<!doctype")
                        || answer.contentType().contains("html"))) {
            return "HTML";
        }
        if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            return "NOT A PROBLEM (" + answer.contentType() + ")";
        }
        if (status >= 400 && !request.method().equals("HEAD") && !body.contains("\"code\"")) {
            return "PROBLEM WITHOUT CODE";
        }
        if (request.expect() == Expect.TOO_LARGE && request.hasToken() && status != 413) {
            return "NOT 413 FOR A BODY OVER THE LIMIT";
        }
        if (status < 400 && request.hasToken() && !request.operation().equals("outside")) {
            String method = request.method().equals("HEAD") ? "GET" : request.method();
            String path = operations.stream()
                    .filter(operation -> operation.name().equals(request.operation()))
                    .findFirst()
                    .map(Operation::path)
                    .orElseThrow();
            Set<Integer> statuses = documented.getOrDefault(path, Map.of()).get(method);
            if (statuses == null || !statuses.contains(status)) {
                return "UNDOCUMENTED STATUS " + status;
            }
        }
        return null;
    }
}
