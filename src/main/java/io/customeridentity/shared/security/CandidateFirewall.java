package io.customeridentity.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall everywhere but in the one path segment that carries what a person typed: the
 * candidate of {@code GET /api/v1/customer-ids/{candidate}} may hold an encoded slash, percent sign, backslash or
 * semicolon, and is answered with the verdict like any other text. Such a candidate is one segment by construction
 * (nothing after it), so path matching and authorisation see exactly one operation; any other path stays strict.
 * Both check header and parameter text with {@link FirewallText}: the firewall's own rules without its regular
 * expressions.
 */
final class CandidateFirewall implements HttpFirewall {

    static final String CANDIDATES = "/api/v1/customer-ids/";

    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall candidates = new StrictHttpFirewall();

    CandidateFirewall() {
        for (StrictHttpFirewall firewall : new StrictHttpFirewall[] {strict, candidates}) {
            firewall.setAllowedHeaderNames(FirewallText.ASSIGNED_AND_NOT_CONTROL);
            firewall.setAllowedHeaderValues(FirewallText.HEADER_VALUE);
            firewall.setAllowedParameterNames(FirewallText.ASSIGNED_AND_NOT_CONTROL);
        }
        candidates.setAllowUrlEncodedSlash(true);
        candidates.setAllowUrlEncodedPercent(true);
        candidates.setAllowBackSlash(true);
        candidates.setAllowSemicolon(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        return (isCandidate(request.getRequestURI()) ? candidates : strict).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** One non-empty segment after the candidates' path, and nothing else. */
    static boolean isCandidate(String requestUri) {
        return requestUri != null
                && requestUri.startsWith(CANDIDATES)
                && requestUri.length() > CANDIDATES.length()
                && requestUri.indexOf('/', CANDIDATES.length()) < 0;
    }
}
