package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JwtPropertiesTests {

    @Test
    void defaultsToThirtySecondsOfSkewAndTheStandardScopeClaim() {
        JwtProperties properties = new JwtProperties(null, " ", null, null, null);

        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.scopeClaim()).isEqualTo("scope");
        assertThat(properties.issuer()).isNull();
    }

    @Test
    void refusesASkewOverThirtySeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, null, null, Duration.ofSeconds(31), "scope"))
                .withMessageContaining("clock-skew");
    }

    @Test
    void acceptsScpOnlyWhenSwitchedOnByName() {
        assertThat(new JwtProperties(null, null, null, Duration.ZERO, "scp").scopeClaim())
                .isEqualTo("scp");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtProperties(null, null, null, Duration.ZERO, "roles"))
                .withMessageContaining("scope-claim");
    }
}
