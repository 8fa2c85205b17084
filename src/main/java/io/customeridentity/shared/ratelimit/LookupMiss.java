package io.customeridentity.shared.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the request being handled as a look-up that matched nobody: such a resolve costs {@code miss-cost} look-up
 * tokens instead of one, because misses are what enumerating people by guessed identifiers produces.
 */
public final class LookupMiss {

    static final String ATTRIBUTE = LookupMiss.class.getName();

    private LookupMiss() {}

    /** Called by a resolve whose answer is empty. */
    public static void record() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static boolean recorded(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}
