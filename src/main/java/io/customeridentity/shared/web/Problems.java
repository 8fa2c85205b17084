package io.customeridentity.shared.web;

import io.customeridentity.identifier.InvalidCustomerIdException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the service's RFC 9457 problem details: a stable {@code type}, a {@code code} slug and a request id. */
public final class Problems {

    /** Base of every problem type URI; the slug is appended. */
    public static final String TYPE_BASE = "/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code);
    }

    /**
     * A rejected customer ID: 400 for an ID read as a reference (path, query or body), 422 for a prefix requested for a
     * new customer (well-formed, but not one this service issues).
     */
    public static ProblemDetail invalidCustomerId(InvalidCustomerIdException ex) {
        HttpStatus status = ex.requested() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        return of(status, ex.reason().code(), ex.getMessage());
    }

    /** Gives an existing problem (for example one built by Spring) our type, title and code. */
    public static ProblemDetail decorate(ProblemDetail problem, String code) {
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(titleOf(code));
        problem.setProperty("code", code);
        String requestId = RequestIdFilter.currentRequestId();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
            problem.setInstance(URI.create(instanceOf(requestId)));
        }
        return problem;
    }

    /**
     * The {@code instance} of a problem: the occurrence, named by its request id, rather than the request's path, which
     * may hold whatever the caller sent in place of an ID.
     */
    public static String instanceOf(String requestId) {
        return "urn:request:" + requestId;
    }

    /** {@code check-digit-mismatch} becomes {@code Check digit mismatch}. */
    public static String titleOf(String code) {
        String words = code.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** The slug for a status when nothing more specific is known. */
    public static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 417 -> "expectation-failed";
            case 431 -> "headers-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable-content";
            case 501 -> "not-implemented";
            case 503 -> "service-unavailable";
            case 505 -> "http-version-not-supported";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }
}
