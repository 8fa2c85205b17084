package io.customeridentity.shared.security;

import io.customeridentity.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who made the request being handled on this thread, and from where: the token's subject and client, the client's
 * address and the request id. Every part is {@code null} outside a request (a background job, a test calling a
 * service directly). Captured where work leaves its request's thread, so the audit trail can name its requester.
 */
public record RequestOrigin(String actor, String client, String clientIp, String requestId) {

    /** The origin of nothing: work outside any request. */
    public static final RequestOrigin NONE = new RequestOrigin(null, null, null, null);

    /** The origin of the request this thread is handling, or {@link #NONE}. */
    public static RequestOrigin current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication == null
                        || !authentication.isAuthenticated()
                        || authentication instanceof AnonymousAuthenticationToken
                ? null
                : Caller.of(authentication);
        HttpServletRequest request =
                RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        ? attributes.getRequest()
                        : null;
        if (caller == null && request == null) {
            return NONE;
        }
        return new RequestOrigin(
                caller == null ? null : caller.subject(),
                caller == null ? null : caller.clientId(),
                request == null ? null : request.getRemoteAddr(),
                RequestIdFilter.currentRequestId());
    }
}
