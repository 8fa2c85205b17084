package io.customeridentity.shared.security;

import io.customeridentity.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 and 403 with problem details (Spring Security's own answers have empty bodies), keeping the standard
 * {@code WWW-Authenticate: Bearer ...} challenge headers; a 403 names the scope the operation needs
 * ({@code requiredScope}).
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler accessDeniedHandler = new BearerTokenAccessDeniedHandler();
    private final JsonMapper jsonMapper;

    ProblemSecurityHandlers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        entryPoint.commence(request, response, ex);
        String claim = brokenClaim(ex);
        if (claim != null) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-token",
                    "The bearer token's " + claim + " claim is missing or breaks the rules of this service.");
            problem.setProperty("claim", claim);
            write(response, problem);
            return;
        }
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        tokenGiven ? "The bearer token is invalid or expired." : "A bearer token is required."));
    }

    /** The claim a verified token broke a {@link ClaimRules} rule with, if that is why it was refused. */
    private static String brokenClaim(AuthenticationException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (error instanceof ClaimRules.ClaimError broken) {
                        return broken.claim();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        accessDeniedHandler.handle(request, response, ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN, "insufficient-scope", "The bearer token does not grant this operation.");
        requiredScope(request).ifPresent(scope -> problem.setProperty("requiredScope", scope));
        write(response, problem);
    }

    /** The scope the request's operation needs; none for what no operation answers (OPTIONS, say). */
    private static Optional<String> requiredScope(HttpServletRequest request) {
        return SCOPE_MATCHERS.stream()
                .filter(matcher -> matcher.matcher().matches(request))
                .map(ScopeMatcher::scope)
                .findFirst();
    }

    private record ScopeMatcher(RequestMatcher matcher, String scope) {}

    private static final List<ScopeMatcher> SCOPE_MATCHERS = OperationScopes.RULES.stream()
            .<ScopeMatcher>mapMulti((rule, matchers) -> {
                PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
                matchers.accept(new ScopeMatcher(paths.matcher(rule.method(), rule.pattern()), rule.scope()));
                if (rule.method().equals(HttpMethod.GET)) {
                    matchers.accept(new ScopeMatcher(paths.matcher(HttpMethod.HEAD, rule.pattern()), rule.scope()));
                }
            })
            .toList();

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
