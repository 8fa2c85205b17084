package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerErased;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.customer.Registered;
import io.customeridentity.customer.VersionConflict;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.security.PersonalDataMask;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.ETags;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

/** Registers customers, reads them by any lenient form of their ID, and changes their profiles. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Register customers, read them by customer ID, change their profiles.")
class CustomerController {

    static final String PATCH_JSON = "application/merge-patch+json";

    private final CustomerManagement customers;
    private final ProfilePatcher patcher;

    CustomerController(CustomerManagement customers, ProfilePatcher patcher) {
        this.customers = customers;
        this.patcher = patcher;
    }

    @PostMapping
    @Operation(
            operationId = "createCustomer",
            summary = "Register a customer and issue a customer ID",
            description = "Issues a new check-digited customer ID and stores version 1 of the profile. With an "
                    + "Idempotency-Key, repeating the same request within 24 hours answers the original "
                    + "registration again (Idempotent-Replayed: true) instead of creating another customer. "
                    + "With Prefer: duplicates=reject, nothing is registered when an existing customer is likely "
                    + "the same person (409 likely-duplicate, with the candidates' IDs and scores; README "
                    + "\"Duplicates\"). Without scope customers:pii the answer is masked (see CustomerResponse). "
                    + "Requires scope customers:write.")
    @ApiResponse(
            responseCode = "201",
            description = "Customer registered (or, with Idempotent-Replayed: true, the original registration).",
            headers = {
                @Header(name = "Location", description = "URL of the customer.", schema = @Schema(type = "string")),
                @Header(name = "ETag", description = "The version, quoted.", schema = @Schema(type = "string")),
                @Header(
                        name = "Idempotent-Replayed",
                        description = "true when this answers an earlier request with the same Idempotency-Key.",
                        schema = @Schema(type = "boolean"))
            })
    @ProblemResponses({400, 409, 415, 422})
    ResponseEntity<CustomerResponse> create(
            @RequestBody CreateCustomerRequest request,
            @Parameter(
                            description = "Optional, 1 to 255 printable ASCII characters, scoped to the caller; "
                                    + "kept for 24 hours.",
                            example = "order-7f3a-signup",
                            schema = @Schema(type = "string", pattern = "^[\\x20-\\x7E]{1,255}$"))
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Parameter(
                            description = "RFC 7240 preferences; duplicates=reject refuses a likely duplicate (409"
                                    + " likely-duplicate) instead of registering it. Others are ignored.",
                            example = "duplicates=reject",
                            schema = @Schema(type = "string", maxLength = 200))
                    @RequestHeader(name = "Prefer", required = false)
                    String prefer,
            Authentication caller) {
        boolean refuseDuplicates = PreferHeader.rejectsDuplicates(prefer);
        Registered registered = customers.register(
                request.toNewCustomer(),
                caller.getName(),
                IdempotencyKeyHeader.validate(idempotencyKey),
                refuseDuplicates);
        CustomerDetails created = registered.customer();
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                        URI.create("/api/v1/customers/" + created.id().value()))
                .eTag(ETags.of(created.version()));
        if (!registered.created()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (refuseDuplicates) {
            response.header("Preference-Applied", PreferHeader.REJECT_DUPLICATES);
        }
        return response.body(CustomerResponse.of(created, PersonalDataMask.appliesTo(caller)));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getCustomer",
            summary = "Read a customer by customer ID",
            description = "The current version, or with asOf the version in force at that instant. Accepts any "
                    + "lenient form of the ID (case, spaces, hyphens, dots, O/I/L for 0/1/1); a mistyped ID is "
                    + "rejected before any database work. If-None-Match with the current ETag answers 304. "
                    + "A 404 spends the caller's look-up budget (429 when it is spent). Without scope customers:pii the "
                    + "answer is masked (see CustomerResponse). Requires scope customers:read.")
    @ApiResponse(
            responseCode = "200",
            description = "The customer.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version shown, quoted.",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the version shown.")
    @ProblemResponses({400, 404})
    @AuditedRead("customer.read")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "If-None-Match",
            description = "The ETag of the version you have: 304 without a body when it is still the one shown.",
            schema = @Schema(type = "string"))
    ResponseEntity<CustomerResponse> get(
            @Parameter(description = "Customer ID in any lenient form.", example = "AC-1234-5678-900")
                    @PathVariable("id")
                    CustomerId customerId,
            @Parameter(
                            description = "RFC 3339 instant: show the version in force then.",
                            example = "2026-11-23T12:00:00Z")
                    @RequestParam(required = false)
                    Instant asOf,
            WebRequest request,
            Authentication caller) {
        CustomerDetails customer = asOf == null ? customers.find(customerId) : customers.findAsOf(customerId, asOf);
        String etag = ETags.of(customer.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(CustomerResponse.of(customer, PersonalDataMask.appliesTo(caller)));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {PATCH_JSON, "application/json"})
    @Operation(
            operationId = "patchCustomer",
            summary = "Change a customer's profile (JSON Merge Patch)",
            description = "Applies an RFC 7396 merge patch to the current profile and stores the result as a new "
                    + "version. If-Match with the current version is required. A patch that changes nothing answers "
                    + "200 without a new version. id, displayId, prefix, status, version, createdAt and updatedAt "
                    + "cannot be changed. Without scope customers:pii the answer is masked (see CustomerResponse). "
                    + "Requires scope customers:write.")
    @ApiResponse(
            responseCode = "200",
            description = "The customer after the change.",
            headers =
                    @Header(name = "ETag", description = "The new version, quoted.", schema = @Schema(type = "string")))
    @ProblemResponses({400, 404, 409, 412, 415, 422, 428})
    ResponseEntity<CustomerResponse> patch(
            @PathVariable("id") CustomerId customerId,
            @Parameter(
                            description = "The version the change is based on.",
                            example = "\"3\"",
                            required = true,
                            schema = @Schema(type = "string", pattern = "^\\s*\"?[1-9][0-9]{0,8}\"?\\s*$"))
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            @Parameter(
                            description = "Why the change is made; stored (encrypted) with the version.",
                            example = "Moved house",
                            schema = @Schema(type = "string", maxLength = 500))
                    @RequestHeader(name = "X-Change-Reason", required = false)
                    String reason,
            @RequestBody ProfilePatchBody body,
            Authentication caller) {
        int expected = ETags.versionFromIfMatch(ifMatch);
        JsonNode patch = body.document();
        patcher.check(patch);
        CustomerDetails current = customers.find(customerId);
        if (current.status() == CustomerStatus.ERASED) {
            throw CustomerErased.forId(customerId); // before the version check: a tombstone takes no change at all
        }
        if (current.version() != expected) {
            throw VersionConflict.expected(expected, current.version());
        }
        CustomerDetails updated = customers.update(
                customerId,
                new ProfileUpdate(
                        expected,
                        patcher.apply(current.profile(), patch),
                        caller.getName(),
                        ChangeReasonHeader.validate(reason)));
        return ResponseEntity.status(HttpStatus.OK)
                .eTag(ETags.of(updated.version()))
                .body(CustomerResponse.of(updated, PersonalDataMask.appliesTo(caller)));
    }
}
