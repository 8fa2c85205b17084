package io.customeridentity.shared.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * A request body refused while it was being read: larger than the operation accepts (413), or arriving too slowly
 * (408). An {@link IOException}, so that the JSON parser reading the body passes it on; the connection is closed
 * after the answer.
 */
public final class RequestBodyRejected extends IOException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    private RequestBodyRejected(HttpStatus status, String code, String message) {
        super(message, null);
        this.status = status;
        this.code = code;
    }

    public static RequestBodyRejected tooLarge(long maxBytes) {
        return new RequestBodyRejected(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "The request body is larger than the " + maxBytes + " bytes this operation accepts.");
    }

    public static RequestBodyRejected tooSlow() {
        return new RequestBodyRejected(
                HttpStatus.REQUEST_TIMEOUT, "request-timeout", "The request body arrived too slowly.");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The rejection among the causes of {@code failure}, if a body limit is what made it fail. */
    public static RequestBodyRejected in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyRejected rejected) {
                return rejected;
            }
        }
        return null;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
