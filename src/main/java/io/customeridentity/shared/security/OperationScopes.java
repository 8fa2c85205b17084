package io.customeridentity.shared.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * The scope every operation of the API needs: the one table that authorisation, the OpenAPI description and the
 * tests are built from. A rule names an operation by its method and path template; a {@code GET} rule covers
 * {@code HEAD} too, because Spring MVC answers {@code HEAD} with the {@code GET} handler.
 */
public final class OperationScopes {

    public static final String CUSTOMERS_READ = "customers:read";
    public static final String CUSTOMERS_WRITE = "customers:write";
    public static final String INTERACTIONS_READ = "interactions:read";
    public static final String INTERACTIONS_WRITE = "interactions:write";
    public static final String ACCOUNTS_READ = "accounts:read";
    public static final String ACCOUNTS_WRITE = "accounts:write";
    public static final String EVENTS_READ = "events:read";
    public static final String PRIVACY_ERASE = "privacy:erase";
    public static final String PRIVACY_EXPORT = "privacy:export";
    public static final String AUDIT_READ = "audit:read";
    public static final String ACTUATOR_READ = "actuator:read";

    /**
     * Grants no operation: it widens what the customer reads show to the full personal data (without it e-mail and
     * phone are masked, the address partial and the attributes absent; see {@link PersonalDataMask}).
     */
    public static final String CUSTOMERS_PII = "customers:pii";

    /** One operation and the scope it needs. */
    public record Rule(HttpMethod method, String path, String scope) {

        /** The same path as a Spring Security pattern: each {@code {variable}} is one path segment. */
        String pattern() {
            return path.replaceAll("\\{[^/}]+}", "*");
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(POST, "/api/v1/customers", CUSTOMERS_WRITE),
            new Rule(GET, "/api/v1/customers", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/customers/{id}", CUSTOMERS_READ),
            new Rule(PATCH, "/api/v1/customers/{id}", CUSTOMERS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/versions", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/customers/{id}/versions/{version}", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/customer-ids/{candidate}", CUSTOMERS_READ),
            // The same check with nothing typed.
            new Rule(GET, "/api/v1/customer-ids/", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/prefixes", CUSTOMERS_READ),
            new Rule(POST, "/api/v1/customers/{id}/merges", CUSTOMERS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/merges", CUSTOMERS_READ),
            new Rule(POST, "/api/v1/customers/{id}/merges/{mergeId}/reversal", CUSTOMERS_WRITE),
            new Rule(POST, "/api/v1/customers/{id}/interactions", INTERACTIONS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/interactions", INTERACTIONS_READ),
            new Rule(POST, "/api/v1/interactions/batch", INTERACTIONS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/summary", INTERACTIONS_READ),
            new Rule(POST, "/api/v1/customers/{id}/accounts", ACCOUNTS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/accounts", ACCOUNTS_READ),
            new Rule(DELETE, "/api/v1/customers/{id}/accounts/{linkId}", ACCOUNTS_WRITE),
            new Rule(POST, "/api/v1/accounts/resolve", ACCOUNTS_READ),
            new Rule(POST, "/api/v1/customers/{id}/external-refs", CUSTOMERS_WRITE),
            new Rule(GET, "/api/v1/customers/{id}/external-refs", CUSTOMERS_READ),
            new Rule(DELETE, "/api/v1/customers/{id}/external-refs/{refId}", CUSTOMERS_WRITE),
            new Rule(POST, "/api/v1/resolve", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/customers/{id}/duplicates", CUSTOMERS_READ),
            new Rule(POST, "/api/v1/customers/matches", CUSTOMERS_READ),
            new Rule(GET, "/api/v1/events", EVENTS_READ),
            new Rule(POST, "/api/v1/customers/{id}/erasure", PRIVACY_ERASE),
            new Rule(GET, "/api/v1/customers/{id}/export", PRIVACY_EXPORT),
            new Rule(GET, "/api/v1/customers/{id}/audit", AUDIT_READ),
            new Rule(GET, "/api/v1/audit", AUDIT_READ));

    private OperationScopes() {}

    /** The scope of the operation at this method and path template, if there is one. */
    public static Optional<String> scopeOf(HttpMethod method, String pathTemplate) {
        return RULES.stream()
                .filter(rule -> rule.method().equals(method) && rule.path().equals(pathTemplate))
                .map(Rule::scope)
                .findFirst();
    }

    /** The distinct path templates of the API. */
    static List<String> paths() {
        return RULES.stream().map(Rule::path).distinct().toList();
    }
}
