package io.customeridentity.shared.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the bearer token's subject and, when the token names one, its client ({@code azp}, else
 * {@code client_id}).
 */
public record Caller(String subject, String clientId) {

    /** The caller of an authenticated request. */
    public static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = present(jwt.getClaimAsString("azp"));
            return new Caller(jwt.getSubject(), client != null ? client : present(jwt.getClaimAsString("client_id")));
        }
        return new Caller(authentication.getName(), null);
    }

    private static String present(String claim) {
        return claim == null || claim.isBlank() ? null : claim;
    }
}
