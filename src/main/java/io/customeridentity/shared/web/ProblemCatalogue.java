package io.customeridentity.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem the service answers, by status and code: the one table the OpenAPI description's error responses
 * (their codes and examples) are built from, and that the README's error catalogue is checked against.
 */
final class ProblemCatalogue {

    /** One problem: its status, code, when it is answered, and an example of its detail and extra members. */
    record Entry(int status, String code, String when, String detail, Map<String, Object> members) {

        Entry(int status, String code, String when, String detail) {
            this(status, code, when, detail, Map.of());
        }

        /** The example body, as the service sends it. */
        Map<String, Object> example() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problems.TYPE_BASE + code);
            body.put("title", Problems.titleOf(code));
            body.put("status", status);
            body.put("detail", detail);
            body.put("instance", Problems.instanceOf(REQUEST_ID));
            body.put("code", code);
            body.put("requestId", REQUEST_ID);
            body.putAll(members);
            return body;
        }
    }

    private static final String REQUEST_ID = "5b0e1c1e-8a43-4c53-9a35-e1c2a3f1f0aa";

    private static Map<String, Object> errors(String field, String message) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return Map.of("errors", List.of(violation));
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(
                    400,
                    "check-digit-mismatch",
                    "the customer ID's check digit does not match: a typo",
                    "The check digit does not match; the ID was probably mistyped."),
            new Entry(
                    400,
                    "invalid-customer-id",
                    "the customer ID is not two letters and 11 digits, even read leniently",
                    "A customer ID is two letters followed by 11 digits."),
            new Entry(
                    400,
                    "unknown-prefix",
                    "reading an ID whose prefix is not configured",
                    "The prefix ZZ is not configured."),
            new Entry(
                    400,
                    "validation-failed",
                    "fields or headers invalid; errors lists each",
                    "The request has invalid fields.",
                    errors("email", "Must be a valid e-mail address.")),
            new Entry(
                    400,
                    "unreadable-request",
                    "body missing, not JSON, or of the wrong shape; errors names the field when known",
                    "The request body is missing or is not valid JSON of the expected shape.",
                    errors("givenName", "Must be a string.")),
            new Entry(
                    400,
                    "invalid-parameter",
                    "a query or path parameter of the wrong type, or a query string not percent-encoded UTF-8",
                    "The parameter 'asOf' is malformed or out of range."),
            new Entry(400, "bad-request", "other malformed requests", "Bad Request."),
            new Entry(400, "unsupported-method", "a method Tomcat does not implement (CONNECT)", "Not Implemented."),
            new Entry(
                    401, "unauthorized", "no bearer token, a bad signature, or expired", "A bearer token is required."),
            new Entry(
                    401,
                    "invalid-token",
                    "the token's signature holds but a claim breaks a rule; claim names it",
                    "The bearer token's aud claim is missing or breaks the rules of this service.",
                    Map.of("claim", "aud")),
            new Entry(
                    403,
                    "insufficient-scope",
                    "the token lacks the operation's scope",
                    "The bearer token does not grant this operation.",
                    Map.of("requiredScope", "customers:write")),
            new Entry(
                    404,
                    "customer-not-found",
                    "well-formed ID, no such customer",
                    "No customer has the ID AC12345678900."),
            new Entry(
                    404,
                    "version-not-found",
                    "no such version, or the customer did not exist yet at asOf",
                    "The customer has no version 7."),
            new Entry(
                    404,
                    "account-link-not-found",
                    "the customer has no account link with this id",
                    "The customer has no account link with this id."),
            new Entry(
                    404,
                    "external-ref-not-found",
                    "the customer has no external reference with this id",
                    "The customer has no external reference with this id."),
            new Entry(
                    404,
                    "merge-not-found",
                    "the survivor has no merge with this id",
                    "The customer has no such merge."),
            new Entry(404, "not-found", "no such path", "No operation of this service has this path."),
            new Entry(
                    405,
                    "method-not-allowed",
                    "wrong HTTP method for the path",
                    "This path does not support the request's method; the Allow header lists those it does."),
            new Entry(
                    406,
                    "not-acceptable",
                    "the Accept header admits no JSON; nothing was changed",
                    "This operation answers application/json (and problems as application/problem+json) only."),
            new Entry(
                    408,
                    "request-timeout",
                    "the request body arrived too slowly",
                    "The request body arrived too slowly."),
            new Entry(
                    409,
                    "merge-conflict",
                    "a merge or reversal the customers' states do not allow, or a change of a merged customer",
                    "The customer AC98765432101 is merged already."),
            new Entry(
                    409,
                    "external-ref-taken",
                    "the external ID belongs to another customer; holder names it",
                    "This external ID belongs to customer AC98765432101; end that mapping first.",
                    Map.of("holder", "AC98765432101")),
            new Entry(
                    409,
                    "idempotency-key-in-flight",
                    "a request with the same Idempotency-Key is still being processed",
                    "A request with this Idempotency-Key is still being processed; retry shortly."),
            new Entry(
                    409,
                    "customer-erased",
                    "a write to an erased customer (its ID is a tombstone); in a batch, that item is REJECTED",
                    "The customer AC12345678900 has been erased; nothing can be recorded for it."),
            new Entry(
                    409,
                    "likely-duplicate",
                    "a registration with Prefer: duplicates=reject scores at or above the reject score against a"
                            + " customer; candidates lists their IDs and scores; nothing was registered",
                    "This profile is likely a customer already (AC98765432101); nothing was registered.",
                    Map.of("candidates", List.of(Map.of("customerId", "AC98765432101", "score", 0.998)))),
            new Entry(
                    410,
                    "cursor-expired",
                    "the change feed's cursor points before events retention has deleted; resynchronise",
                    "Events after this cursor were deleted by retention; resynchronise (read the customers you hold"
                            + " again) and continue from the start of the feed."),
            new Entry(
                    412,
                    "version-conflict",
                    "If-Match names a version that is no longer current; currentVersion says which is",
                    "The customer is at version 4, not 3; read it again and re-apply the change.",
                    Map.of("currentVersion", 4)),
            new Entry(
                    413,
                    "payload-too-large",
                    "the request body is over the limit",
                    "The request body is larger than the 2097152 bytes this operation accepts."),
            new Entry(
                    415,
                    "unsupported-media-type",
                    "the body's Content-Type is not one the operation accepts",
                    "The request body's Content-Type is not one this operation accepts."),
            new Entry(
                    417,
                    "expectation-failed",
                    "an Expect header other than 100-continue",
                    "Only Expect: 100-continue is supported."),
            new Entry(
                    422,
                    "unknown-prefix",
                    "creating a customer with a prefix that is not configured",
                    "The prefix ZZ is not configured."),
            new Entry(
                    422,
                    "invalid-account-number",
                    "the account number fails its type's rules; detail says which",
                    "The IBAN's check digits do not match.",
                    errors("accountNumber", "The IBAN's check digits do not match.")),
            new Entry(
                    422,
                    "immutable-field",
                    "a patch tries to change id, prefix, status, version or a timestamp",
                    "The field 'status' cannot be changed.",
                    errors("status", "Cannot be changed.")),
            new Entry(
                    422,
                    "idempotency-key-reused",
                    "the Idempotency-Key was used with a different request in the last 24 hours",
                    "This Idempotency-Key was used with a different request."),
            new Entry(
                    428,
                    "precondition-required",
                    "a change without If-Match",
                    "This change needs an If-Match header with the version it is based on, e.g. If-Match: \"3\"."),
            new Entry(
                    429,
                    "rate-limited",
                    "the caller is over its general or look-up budget; nothing was done; budget names it, Retry-After"
                            + " says when to retry",
                    "This caller is over its lookup budget (50 requests, 10 more every 1000 ms); retry after 1 s.",
                    Map.of("budget", "lookup")),
            new Entry(
                    500,
                    "internal-error",
                    "a bug; logged with the request id",
                    "An unexpected error occurred; it has been logged."),
            new Entry(
                    503,
                    "database-unavailable",
                    "the database is unreachable or overloaded; Retry-After says when to retry",
                    "The database is unavailable or overloaded; retry after a moment (with the same Idempotency-Key"
                            + " for a registration)."),
            new Entry(
                    503,
                    "audit-unavailable",
                    "the audit trail cannot keep up (its queue stayed full or its oldest read unwritten too long); nothing was"
                            + " answered unaudited",
                    "The audit trail cannot record this read at the moment; retry after a moment."),
            new Entry(
                    400,
                    "http-version-not-supported",
                    "an HTTP version other than 1.0 and 1.1",
                    "HTTP Version Not Supported."));

    private ProblemCatalogue() {}

    /** The problems answered with this status, most common first. */
    static List<Entry> forStatus(int status) {
        return ENTRIES.stream().filter(entry -> entry.status() == status).toList();
    }
}
