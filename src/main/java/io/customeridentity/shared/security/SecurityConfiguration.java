package io.customeridentity.shared.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Bearer-token (JWT) resource server: scopes from the {@code scope} claim, problem details on 401/403. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String READ = "SCOPE_customers:read";
    static final String WRITE = "SCOPE_customers:write";
    static final String INTERACTIONS_READ = "SCOPE_interactions:read";
    static final String INTERACTIONS_WRITE = "SCOPE_interactions:write";
    static final String ACCOUNTS_READ = "SCOPE_accounts:read";
    static final String ACCOUNTS_WRITE = "SCOPE_accounts:write";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> decoders,
            JwtProperties jwtProperties,
            TokenCacheProperties tokenCache,
            Clock clock,
            JsonMapper jsonMapper)
            throws Exception {
        JwtDecoder verifier =
                jwtProperties.hmacSecret() != null ? hmacJwtDecoder(jwtProperties) : decoders.getIfAvailable();
        if (verifier == null) {
            throw new IllegalStateException("No bearer-token verification configured: set "
                    + "CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET (development, at least 32 bytes) or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri (production)");
        }
        JwtDecoder decoder = tokenCache.maxSize() > 0 ? new CachingJwtDecoder(verifier, tokenCache, clock) : verifier;
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(jsonMapper);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority("SCOPE_actuator:read")
                        .requestMatchers(HttpMethod.POST, "/api/v1/resolve")
                        .hasAuthority(READ)
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/resolve")
                        .hasAuthority(ACCOUNTS_READ)
                        .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/accounts")
                        .hasAuthority(ACCOUNTS_READ)
                        .requestMatchers("/api/v1/customers/*/accounts", "/api/v1/customers/*/accounts/**")
                        .hasAuthority(ACCOUNTS_WRITE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/interactions", "/api/v1/interactions/**")
                        .hasAuthority(INTERACTIONS_WRITE)
                        .requestMatchers(
                                HttpMethod.GET, "/api/v1/customers/*/interactions", "/api/v1/customers/*/summary")
                        .hasAuthority(INTERACTIONS_READ)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAuthority(READ)
                        .requestMatchers(HttpMethod.POST, "/api/**")
                        .hasAuthority(WRITE)
                        .requestMatchers(HttpMethod.PATCH, "/api/**")
                        .hasAuthority(WRITE)
                        .requestMatchers(HttpMethod.DELETE, "/api/**")
                        .hasAuthority(WRITE)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * No tracing spans around each security filter, authentication and authorization: profiled under load they
     * cost more CPU than the request's own work. Requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Development and test tokens: HS256 with the configured shared secret. Chosen at run time rather than by a
     * conditional bean, so that a jar whose bean conditions were settled at build time (Spring AOT mode) honours it.
     */
    private static JwtDecoder hmacJwtDecoder(JwtProperties properties) {
        SecretKeySpec key = new SecretKeySpec(properties.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }
}
