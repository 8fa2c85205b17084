package io.customeridentity.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTests {

    private static final String MASTER_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1ub3Qtc2VjcmV0ISE=";
    private static final String SECRET = "a-hmac-secret-that-is-long-enough-0123456789";

    @Test
    void listsEveryMissingSettingAtOnce() {
        List<String> problems = RequiredSettings.problems(new MockEnvironment(), false);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0))
                .startsWith("Database: SPRING_DATASOURCE_URL")
                .contains("is not set");
        assertThat(problems.get(1))
                .startsWith("Master key: ")
                .contains("CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY")
                .contains("it is not set");
        assertThat(problems.get(2))
                .startsWith("Token verification: none is configured")
                .contains("CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET")
                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .contains("jwk-set-uri");
    }

    @Test
    void acceptsACompleteConfiguration() {
        MockEnvironment settings = complete();

        assertThat(RequiredSettings.problems(settings, false)).isEmpty();
    }

    @Test
    void namesInvalidValuesWithoutQuotingThem() {
        MockEnvironment settings = new MockEnvironment()
                .withProperty("spring.datasource.url", "postgres://db/secret-db")
                .withProperty("customer-identity.crypto.master-key", "c2hvcnQta2V5")
                .withProperty("customer-identity.security.jwt.hmac-secret", "short-secret");

        List<String> problems = RequiredSettings.problems(settings, false);

        assertThat(problems)
                .satisfiesExactly(
                        database -> assertThat(database).contains("is not a PostgreSQL JDBC URL"),
                        key -> assertThat(key).contains("it decodes to 9 bytes"),
                        token -> assertThat(token).contains("must be at least 32 bytes long"));
        assertThat(String.join("\n", problems))
                .doesNotContain("secret-db")
                .doesNotContain("c2hvcnQta2V5")
                .doesNotContain("short-secret");
    }

    @Test
    void acceptsAnIdentityProviderInsteadOfTheSharedSecret() {
        MockEnvironment settings = complete();
        settings.getPropertySources().remove("mock");
        settings.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ci")
                .withProperty("customer-identity.crypto.master-key", MASTER_KEY)
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp/keys");

        assertThat(RequiredSettings.problems(settings, false)).isEmpty();
    }

    @Test
    void needsNoDatasourceUrlWhenABeanSuppliesTheConnection() {
        MockEnvironment settings = new MockEnvironment()
                .withProperty("customer-identity.crypto.master-key", MASTER_KEY)
                .withProperty("customer-identity.security.jwt.hmac-secret", SECRET);

        assertThat(RequiredSettings.problems(settings, true)).isEmpty();
        assertThat(RequiredSettings.problems(settings, false))
                .singleElement()
                .asString()
                .startsWith("Database:");
    }

    @Test
    void treatsABlankDatasourceUrlAsMissing() {
        MockEnvironment settings = complete().withProperty("spring.datasource.url", "  ");

        assertThat(RequiredSettings.problems(settings, false))
                .singleElement()
                .asString()
                .contains("is not set");
    }

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ci")
                .withProperty("customer-identity.crypto.master-key", MASTER_KEY)
                .withProperty("customer-identity.security.jwt.hmac-secret", SECRET);
    }
}
