package io.customeridentity.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} with a fast path for the one case the API serves: an {@code
 * Authorization: Bearer <token68>} header, no {@code access_token} in the query string and no form body. That case
 * is recognised by a loop over the characters instead of the resolver's regular expression
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive), which a profile of the customer GET found
 * among the costliest steps of a request; every other request (another scheme, a malformed token, a token in the
 * query or the body) goes to the default resolver, so its answers and errors are unchanged
 * ({@code BearerHeaderResolverTests}).
 */
final class BearerHeaderResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && isToken68(header, SCHEME.length())
                && !FORM.equals(request.getContentType())) {
            String query = request.getQueryString();
            if (query == null || !query.contains("access_token")) {
                return header.substring(SCHEME.length());
            }
        }
        return fallback.resolve(request);
    }

    /** RFC 6750's b64token: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}. */
    private static boolean isToken68(String header, int from) {
        int i = from;
        while (i < header.length() && isTokenChar(header.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
