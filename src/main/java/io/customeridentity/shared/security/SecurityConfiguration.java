package io.customeridentity.shared.security;

import io.customeridentity.shared.web.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer-token (JWT) resource server. Authorisation is by operation: every operation of {@link OperationScopes} needs
 * its scope for each method that reaches its handler ({@code GET} and {@code HEAD} alike), {@code OPTIONS} is refused,
 * a path of the API with a method it does not serve reaches Spring MVC only to be answered 404 or 405, and anything
 * else is denied. 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /** A customer-ID candidate may hold any typed text; every other path meets the strict firewall. */
    @Bean
    WebSecurityCustomizer candidateFirewall() {
        return web -> web.httpFirewall(new CandidateFirewall());
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> decoders,
            JwtProperties jwtProperties,
            TokenCacheProperties tokenCache,
            Clock clock,
            JsonMapper jsonMapper)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(WireJson.of(jsonMapper));
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::authorizeOperations)
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(new BearerHeaderResolver())
                        .jwt(jwt -> jwt.decoder(decoder(decoders, jwtProperties, tokenCache, clock))
                                .jwtAuthenticationConverter(authenticationConverter(jwtProperties)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    private static void authorizeOperations(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(HttpMethod.OPTIONS, "/**").denyAll();
        auth.requestMatchers(HttpMethod.GET, PUBLIC).permitAll();
        auth.requestMatchers(HttpMethod.HEAD, PUBLIC).permitAll();
        auth.requestMatchers("/error").permitAll();
        auth.requestMatchers(HttpMethod.GET, "/actuator/**").hasAuthority(authority(OperationScopes.ACTUATOR_READ));
        auth.requestMatchers(HttpMethod.HEAD, "/actuator/**").hasAuthority(authority(OperationScopes.ACTUATOR_READ));
        for (OperationScopes.Rule rule : OperationScopes.RULES) {
            String authority = authority(rule.scope());
            auth.requestMatchers(rule.method(), rule.pattern()).hasAuthority(authority);
            if (rule.method().equals(HttpMethod.GET)) {
                auth.requestMatchers(HttpMethod.HEAD, rule.pattern()).hasAuthority(authority);
            }
        }
        // Every handler of the API is matched above (OperationScopesIntegrationTests checks it): what is left under
        // /api reaches no handler and is answered 404 or 405 by Spring MVC, to authenticated callers only.
        auth.requestMatchers("/api/**").authenticated();
        auth.anyRequest().denyAll();
    }

    private static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    /** Scopes from the one configured claim: the standard {@code scope}, or {@code scp} where an IdP uses it. */
    static JwtAuthenticationConverter authenticationConverter(JwtProperties properties) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        scopes.setAuthoritiesClaimName(properties.scopeClaim());
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(scopes);
        return converter;
    }

    private static JwtDecoder decoder(
            ObjectProvider<JwtDecoder> decoders,
            JwtProperties properties,
            TokenCacheProperties tokenCache,
            Clock clock) {
        JwtDecoder verifier = properties.hmacSecret() != null ? hmacJwtDecoder(properties) : decoders.getIfAvailable();
        if (verifier == null) {
            throw new IllegalStateException("No bearer-token verification configured: set "
                    + "CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET (development, at least 32 bytes) or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri (production)");
        }
        JwtDecoder checked = new ClaimCheckingJwtDecoder(verifier, new ClaimRules(properties, clock));
        return tokenCache.maxSize() > 0 ? new CachingJwtDecoder(checked, tokenCache, clock) : checked;
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
