package io.customeridentity.shared.startup;

import io.customeridentity.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.PropertyResolver;

/**
 * The settings without which the service cannot start: a database, the master key and a way to verify bearer tokens.
 * Each problem is phrased with the environment variable an operator sets and never quotes a configured value.
 */
final class RequiredSettings {

    static final int MIN_HMAC_SECRET_BYTES = 32;

    private RequiredSettings() {}

    /**
     * Every missing or invalid required setting, in a fixed order; empty when the service can start.
     *
     * @param databaseFromBean whether a bean supplies the database connection (the development database, a test
     *     database), so that {@code spring.datasource.url} is not needed
     */
    static List<String> problems(PropertyResolver settings, boolean databaseFromBean) {
        List<String> problems = new ArrayList<>();
        database(settings, databaseFromBean, problems);
        masterKey(settings, problems);
        tokenVerification(settings, problems);
        return problems;
    }

    private static void database(PropertyResolver settings, boolean databaseFromBean, List<String> problems) {
        String url = value(settings, "spring.datasource.url");
        if (url == null && !databaseFromBean) {
            problems.add("Database: SPRING_DATASOURCE_URL (spring.datasource.url) is not set; it must be the JDBC URL"
                    + " of the PostgreSQL database, e.g. jdbc:postgresql://db.example.org:5432/customer_identity,"
                    + " with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
        } else if (url != null && !url.startsWith("jdbc:postgresql:")) {
            problems.add("Database: SPRING_DATASOURCE_URL (spring.datasource.url) is not a PostgreSQL JDBC URL; it"
                    + " must start with jdbc:postgresql://");
        }
    }

    private static void masterKey(PropertyResolver settings, List<String> problems) {
        try {
            MasterKey.fromBase64(settings.getProperty("customer-identity.crypto.master-key"));
        } catch (IllegalArgumentException invalid) {
            // MasterKey's message names the setting and how to make one, never the value.
            problems.add("Master key: " + invalid.getMessage());
        }
    }

    private static void tokenVerification(PropertyResolver settings, List<String> problems) {
        String secret = settings.getProperty("customer-identity.security.jwt.hmac-secret");
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_HMAC_SECRET_BYTES) {
            problems.add("Token verification: CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET"
                    + " (customer-identity.security.jwt.hmac-secret) must be at least " + MIN_HMAC_SECRET_BYTES
                    + " bytes long");
        } else if (secret == null
                && value(settings, "spring.security.oauth2.resourceserver.jwt.issuer-uri") == null
                && value(settings, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri") == null
                && value(settings, "spring.security.oauth2.resourceserver.jwt.public-key-location") == null) {
            problems.add(
                    "Token verification: none is configured; set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"
                            + " (spring.security.oauth2.resourceserver.jwt.issuer-uri) or"
                            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI (...jwt.jwk-set-uri) to verify tokens"
                            + " of your identity provider, or, for local use only, CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET"
                            + " (customer-identity.security.jwt.hmac-secret, at least " + MIN_HMAC_SECRET_BYTES
                            + " bytes)");
        }
    }

    private static String value(PropertyResolver settings, String name) {
        String value = settings.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
