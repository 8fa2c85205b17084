package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers customers and reads them by any lenient form of their ID. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Register customers and read them by customer ID.")
class CustomerController {

    private final CustomerManagement customers;
    private final CustomerIdScheme scheme;

    CustomerController(CustomerManagement customers, CustomerIdScheme scheme) {
        this.customers = customers;
        this.scheme = scheme;
    }

    @PostMapping
    @Operation(
            operationId = "createCustomer",
            summary = "Register a customer and issue a customer ID",
            description = "Issues a new check-digited customer ID and stores version 1 of the profile. "
                    + "Requires scope customers:write.")
    @ApiResponse(
            responseCode = "201",
            description = "Customer registered.",
            headers =
                    @Header(
                            name = "Location",
                            description = "URL of the new customer.",
                            schema = @Schema(type = "string")))
    @ProblemResponses({400, 415, 422})
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CreateCustomerRequest request, Authentication caller) {
        CustomerDetails created = customers.register(request.toNewCustomer(), caller.getName());
        return ResponseEntity.created(
                        URI.create("/api/v1/customers/" + created.id().value()))
                .eTag(Integer.toString(created.version()))
                .body(CustomerResponse.of(created));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getCustomer",
            summary = "Read a customer by customer ID",
            description = "Accepts any lenient form of the ID (case, spaces, hyphens, dots, O/I/L for 0/1/1). "
                    + "A mistyped ID is rejected before any database work. Requires scope customers:read.")
    @ApiResponse(
            responseCode = "200",
            description = "The customer's current version.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The current version, quoted.",
                            schema = @Schema(type = "string")))
    @ProblemResponses({400, 404})
    ResponseEntity<CustomerResponse> get(
            @Parameter(description = "Customer ID in any lenient form.", example = "AC-1234-5678-900") @PathVariable
                    String id) {
        CustomerDetails customer = customers.find(scheme.parse(id));
        return ResponseEntity.ok().eTag(Integer.toString(customer.version())).body(CustomerResponse.of(customer));
    }
}
