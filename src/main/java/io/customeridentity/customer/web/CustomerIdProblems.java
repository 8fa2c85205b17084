package io.customeridentity.customer.web;

import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a customer-ID path variable that {@link CustomerIdConverter} rejected as if the ID had been parsed in the
 * controller: Spring wraps the converter's exception in a type mismatch, which would otherwise be answered as an
 * {@code invalid-parameter}; exception handlers match on causes too, so this one, ordered first, sees it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CustomerIdProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidCustomerId(InvalidCustomerIdException ex) {
        ProblemDetail problem = Problems.invalidCustomerId(ex);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
