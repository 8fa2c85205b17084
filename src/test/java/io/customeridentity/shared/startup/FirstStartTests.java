package io.customeridentity.shared.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.CustomerIdentityApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/** The whole application started as an operator would on a first try: with no configuration at all. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTests {

    @Test
    void startWithoutConfigurationReportsEverySettingInOneMessageWithoutAStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(CustomerIdentityApplication.class);
        application.setEnvironment(new EmptyEnvironment());

        assertThatThrownBy(application::run).isInstanceOf(MissingSettingsException.class);

        String report = output.getOut() + output.getErr();
        assertThat(report)
                .containsOnlyOnce("APPLICATION FAILED TO START")
                .contains("customer-identity cannot start: 3 required settings are missing or invalid:")
                .contains("- Database: SPRING_DATASOURCE_URL (spring.datasource.url) is not set")
                .contains("- Master key: customer-identity.crypto.master-key (environment variable"
                        + " CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY)")
                .contains("- Token verification: none is configured")
                .contains("Action:")
                // no stack trace, and none of the one-at-a-time failures it replaces
                .doesNotContain("\tat ")
                .doesNotContain("Failed to configure a DataSource")
                .doesNotContain("embedded database (H2");
    }

    @Test
    void startWithOneSettingMissingNamesOnlyThatOne(CapturedOutput output) {
        SpringApplication application = new SpringApplication(CustomerIdentityApplication.class);
        application.setEnvironment(new EmptyEnvironment(Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none",
                "customer-identity.security.jwt.hmac-secret", "a-hmac-secret-that-is-long-enough-0123456789")));

        assertThatThrownBy(application::run)
                .isInstanceOfSatisfying(
                        MissingSettingsException.class,
                        refused -> assertThat(refused.problems())
                                .singleElement()
                                .asString()
                                .startsWith("Master key:"));
        assertThat(output.getOut() + output.getErr())
                .contains("customer-identity cannot start: 1 required setting is missing or invalid:")
                .doesNotContain("\tat ");
    }

    /** Neither the machine's environment variables nor the test JVM's system properties: nothing but the jar. */
    private static final class EmptyEnvironment extends StandardEnvironment {

        EmptyEnvironment() {
            this(Map.of());
        }

        EmptyEnvironment(Map<String, Object> settings) {
            getPropertySources().addFirst(new MapPropertySource("settings", settings));
        }

        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {}
    }
}
