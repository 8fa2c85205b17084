package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Scopes come from exactly one claim: {@code scope} by default, {@code scp} only when switched on. */
class ScopeClaimTests {

    private final Jwt both = Jwt.withTokenValue("token")
            .header("alg", "HS256")
            .claim("scope", "accounts:read")
            .claim("scp", "customers:read")
            .build();

    @Test
    void readsTheStandardScopeClaimAndIgnoresScp() {
        assertThat(authorities("scope")).containsExactly("SCOPE_accounts:read");
    }

    @Test
    void readsScpInsteadWhenSwitchedOn() {
        assertThat(authorities("scp")).containsExactly("SCOPE_customers:read");
    }

    private java.util.List<String> authorities(String claim) {
        JwtProperties properties = new JwtProperties(null, null, null, Duration.ofSeconds(30), claim);
        return SecurityConfiguration.authenticationConverter(properties).convert(both).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("SCOPE_"))
                .toList();
    }
}
