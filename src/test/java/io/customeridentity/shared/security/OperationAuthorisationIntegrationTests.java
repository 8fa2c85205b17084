package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorisation is by operation: every operation of the published OpenAPI description, under every HTTP method, with
 * no token, a token of no scope and a token of each other scope, is refused with a 401 or 403 problem unless the token
 * holds the operation's scope; and {@code HEAD} answers what {@code GET} does.
 */
@IntegrationTest
class OperationAuthorisationIntegrationTests {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final List<String> SCOPES = List.of(
            OperationScopes.CUSTOMERS_READ,
            OperationScopes.CUSTOMERS_WRITE,
            // Grants no operation: it only unmasks what the customer reads show.
            OperationScopes.CUSTOMERS_PII,
            OperationScopes.INTERACTIONS_READ,
            OperationScopes.INTERACTIONS_WRITE,
            OperationScopes.ACCOUNTS_READ,
            OperationScopes.ACCOUNTS_WRITE,
            OperationScopes.PRIVACY_ERASE,
            OperationScopes.PRIVACY_EXPORT,
            OperationScopes.ACTUATOR_READ);

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @LocalServerPort
    int port;

    Http http;
    String customerId;

    @BeforeEach
    void registerCustomer() {
        http = new Http(port);
        customerId = new CustomerApi(client)
                .created(Map.of("givenName", "Grace", "familyName", "Hopper"))
                .path("id")
                .asString();
    }

    @Test
    void refusesEveryMethodOfEveryPathWithoutTheOperationsScope() {
        Map<String, Map<String, String>> operations = publishedOperations();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, Map<String, String>> path : operations.entrySet()) {
            String uri = concrete(path.getKey());
            for (String method : METHODS) {
                String scope = scopeOf(operations, path.getKey(), method.equals("HEAD") ? "GET" : method);
                boolean isOperation = scope != null && !method.equals("OPTIONS");
                List<String> tokens = new ArrayList<>();
                tokens.add(null);
                tokens.add("");
                tokens.addAll(SCOPES);
                for (String tokenScope : tokens) {
                    HttpResponse<String> answer = http.send(
                            method,
                            uri,
                            tokenScope == null ? null : TestTokens.withScopes(tokenScope),
                            method.equals("POST") || method.equals("PATCH") || method.equals("PUT") ? "{}" : null);
                    requests++;
                    int status = answer.statusCode();
                    String where = method + " " + path.getKey() + " with "
                            + (tokenScope == null ? "no token" : "scope '" + tokenScope + "'") + ": " + status;
                    boolean granted = isOperation && scope.equals(tokenScope);
                    if (granted) {
                        if (status == 401 || status == 403) {
                            failures.add(where + " (refused with the right scope)");
                        }
                        continue;
                    }
                    int expected = tokenScope == null ? 401 : 403;
                    boolean refused = status == expected || (!isOperation && tokenScope != null && status == 405);
                    if (!refused) {
                        failures.add(where + " (expected " + expected + ")");
                    } else if (!answer.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .startsWith("application/problem+json")) {
                        failures.add(where + " (not a problem)");
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(operations.size() * METHODS.size() * 8);
        assertThat(failures).isEmpty();
    }

    /**
     * The scope of the operation this method and concrete path reach: the path's own, else that of a templated path
     * it also fits ({@code GET /customers/matches} is the customer read of ID "matches", a 400 with its scope).
     */
    private static String scopeOf(Map<String, Map<String, String>> operations, String path, String method) {
        String own = operations.get(path).get(method);
        if (own != null) {
            return own;
        }
        return operations.entrySet().stream()
                .filter(other ->
                        other.getKey().contains("{") && other.getValue().containsKey(method))
                .filter(other -> path.matches(other.getKey().replaceAll("\\{[^}]+}", "[^/]+")))
                .map(other -> other.getValue().get(method))
                .findFirst()
                .orElse(null);
    }

    @Test
    void answersHeadExactlyAsGetWithoutABody() {
        String token = TestTokens.withScopes(String.join(" ", SCOPES));
        int compared = 0;
        for (Map.Entry<String, Map<String, String>> path : publishedOperations().entrySet()) {
            if (!path.getValue().containsKey("GET")) {
                continue;
            }
            String uri = concrete(path.getKey());
            HttpResponse<String> get = http.send("GET", uri, token, null);
            HttpResponse<String> head = http.send("HEAD", uri, token, null);
            assertThat(head.statusCode()).as(uri).isEqualTo(get.statusCode());
            assertThat(head.body()).as(uri).isEmpty();
            for (String header : List.of("ETag", "Content-Type", "Content-Length", "Cache-Control")) {
                assertThat(head.headers().firstValue(header))
                        .as(uri + " " + header)
                        .isEqualTo(get.headers().firstValue(header));
            }
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(12);
    }

    @Test
    void hasARuleForEveryHandlerAndEveryPublishedOperationAndNoOther() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    mapping.getMethodsCondition().getMethods().forEach(method -> handlers.add(method + " " + pattern));
                }
            }
        }
        Set<String> published = new TreeSet<>();
        publishedOperations()
                .forEach((path, methods) -> methods.keySet().forEach(method -> published.add(method + " " + path)));
        Set<String> rules = new TreeSet<>();
        OperationScopes.RULES.forEach(rule -> rules.add(rule.method() + " " + rule.path()));

        assertThat(rules)
                .hasSize(OperationScopes.RULES.size())
                .isEqualTo(handlers)
                .isEqualTo(published);
    }

    @Test
    void publishesEachOperationsScope() {
        publishedOperations()
                .forEach((path, methods) -> methods.forEach(
                        (method, scope) -> assertThat(OperationScopes.scopeOf(HttpMethod.valueOf(method), path))
                                .as(method + " " + path)
                                .contains(scope)));
    }

    /** Path template -> method -> the scope its OpenAPI security requirement names. */
    private Map<String, Map<String, String>> publishedOperations() {
        JsonNode paths = json.readTree(client.get()
                        .uri("/v3/api-docs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .path("paths");
        Map<String, Map<String, String>> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            Map<String, String> methods = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode scopes = operation.getValue().at("/security/0/bearerAuth");
                assertThat(scopes.size())
                        .as(operation.getKey() + " " + path.getKey())
                        .isEqualTo(1);
                methods.put(operation.getKey().toUpperCase(), scopes.get(0).asString());
            }
            operations.put(path.getKey(), methods);
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(17);
        return operations;
    }

    private String concrete(String template) {
        return template.replace("{id}", customerId)
                .replace("{candidate}", customerId)
                .replace("{version}", "1")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }
}
