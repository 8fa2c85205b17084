package io.customeridentity.shared.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a request costs of the look-up budget, the one for requests that can enumerate people: a resolve, the
 * duplicates list, a match of a profile and a registration that asks to be refused as a likely duplicate (its 409
 * says someone like this is a customer) always take a token; a read of a customer (or of anything under it) needs a token left and takes
 * it when it answers 404; anything else costs no look-up.
 */
enum Lookup {
    NONE,
    ALWAYS,
    ON_NOT_FOUND;

    private static final String CUSTOMERS = "/api/v1/customers/";
    private static final String DUPLICATES = "/duplicates";

    static Lookup of(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        if (method.equals("POST")) {
            return path.equals("/api/v1/resolve")
                            || path.equals("/api/v1/accounts/resolve")
                            || path.equals("/api/v1/customers/matches")
                            || path.equals("/api/v1/customers") && asksForDuplicateCheck(request)
                    ? ALWAYS
                    : NONE;
        }
        if ((method.equals("GET") || method.equals("HEAD")) && path.startsWith(CUSTOMERS)) {
            return isDuplicates(path) ? ALWAYS : ON_NOT_FOUND;
        }
        return NONE;
    }

    /** A {@code Prefer} header naming the duplicates preference (any value: the cost does not depend on it). */
    private static boolean asksForDuplicateCheck(HttpServletRequest request) {
        var prefers = request.getHeaders("Prefer");
        while (prefers != null && prefers.hasMoreElements()) {
            if (prefers.nextElement().toLowerCase(java.util.Locale.ROOT).contains("duplicates")) {
                return true;
            }
        }
        return false;
    }

    /** {@code /api/v1/customers/{id}/duplicates}: one segment between the customers and the duplicates. */
    private static boolean isDuplicates(String path) {
        int end = path.length() - DUPLICATES.length();
        return path.endsWith(DUPLICATES) && end > CUSTOMERS.length() && path.indexOf('/', CUSTOMERS.length()) == end;
    }
}
