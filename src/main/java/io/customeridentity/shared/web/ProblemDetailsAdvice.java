package io.customeridentity.shared.web;

import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.shared.DatabaseFailures;
import io.customeridentity.shared.DomainException;
import io.customeridentity.shared.FieldViolation;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/** Turns every exception that reaches MVC into an RFC 9457 problem with a stable type and code. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** How long a caller should wait before retrying after the database failed. */
    private static final String RETRY_AFTER_SECONDS = "2";

    /** Spring's own exceptions that deserve a more telling code than their status alone. */
    private static final Map<Class<? extends Exception>, String> SPRING_CODES = Map.of(
            HttpMessageNotReadableException.class, "unreadable-request",
            NoResourceFoundException.class, "not-found",
            HttpRequestMethodNotSupportedException.class, "method-not-allowed",
            HttpMediaTypeNotSupportedException.class, "unsupported-media-type",
            HttpMediaTypeNotAcceptableException.class, "not-acceptable",
            MethodArgumentNotValidException.class, "validation-failed",
            HandlerMethodValidationException.class, "validation-failed",
            MethodArgumentTypeMismatchException.class, "invalid-parameter",
            MissingServletRequestParameterException.class, "invalid-parameter");

    /**
     * Spring's own details that would repeat what the caller sent (the path, the method or the Content-Type), in
     * words that do not.
     */
    private static final Map<Class<? extends Exception>, String> SAFE_DETAILS = Map.of(
            NoResourceFoundException.class, "No operation of this service has this path.",
            HttpRequestMethodNotSupportedException.class,
                    "This path does not support the request's method; the Allow header lists those it does.",
            HttpMediaTypeNotSupportedException.class,
                    "The request body's Content-Type is not one this operation accepts.");

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleDomain(DomainException ex) {
        HttpStatus status = statusOf(ex.kind());
        ProblemDetail problem = Problems.of(status, ex.code(), ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(status)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(problem);
        }
        return problem(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleInvalidCustomerId(InvalidCustomerIdException ex) {
        return problem(Problems.invalidCustomerId(ex));
    }

    /**
     * Spring Security's firewall checks header and parameter values when the application reads them, so a header
     * with control characters (Tomcat reads header bytes as ISO-8859-1: any non-ASCII UTF-8 gives some) fails in the
     * handler. Its message quotes the value: logged in one line without it, answered as a 400 that does not repeat it.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleRejectedRequest(RequestRejectedException ex) {
        log.info("Refused a request with a header or parameter the firewall does not accept");
        return problem(Problems.of(
                HttpStatus.BAD_REQUEST,
                "bad-request",
                "A header or parameter holds characters the service does not accept (control characters; headers are "
                        + "ASCII)."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        RequestBodyRejected rejected = RequestBodyRejected.in(ex);
        if (rejected != null) {
            return problem(rejected(rejected));
        }
        if (DatabaseFailures.isUnavailable(ex)) {
            // One line, no stack trace: an outage makes many of these, and the cause's class says what happened.
            log.warn("Database unavailable: {}", rootCauseClass(ex));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "database-unavailable",
                            "The database is unavailable or overloaded; retry after a moment (with the same "
                                    + "Idempotency-Key for a registration)."));
        }
        log.error("Unexpected error", ex);
        return problem(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "An unexpected error occurred; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        List<FieldViolation> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldViolation(
                        error instanceof FieldError field ? field.getField() : null, error.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyRejected rejected = RequestBodyRejected.in(ex);
        if (rejected != null) {
            return ResponseEntity.status(rejected.status()).body(rejected(rejected));
        }
        // The parser's message may quote the body, which can hold personal data: keep it out.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, "The request body is missing or is not valid JSON of the expected shape.");
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && JsonPaths.of(jackson) != null) {
                problem.setProperty(
                        "errors", List.of(new FieldViolation(JsonPaths.of(jackson), JsonPaths.messageOf(jackson))));
                break;
            }
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own message quotes the rejected value, which may be anything the caller sent: name the parameter.
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The parameter '" + name + "' is malformed or out of range.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            String code = SPRING_CODES.getOrDefault(ex.getClass(), Problems.codeForStatus(statusCode.value()));
            Problems.decorate(problem, code);
            String safeDetail = SAFE_DETAILS.get(ex.getClass());
            if (safeDetail != null) {
                problem.setDetail(safeDetail);
            }
        }
        return response;
    }

    private static String rootCauseClass(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }

    private static ProblemDetail rejected(RequestBodyRejected ex) {
        return Problems.of(ex.status(), ex.code(), ex.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case BROKEN_RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case GONE -> HttpStatus.GONE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
