package io.customeridentity.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose successful answer shows personal data: the audit trail records who read which customer
 * ({@code {id}} of the path, or the customers a {@link ReturnsCustomers} body names) and what the body
 * {@link DisclosesPersonalData discloses}, before the answer leaves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {

    /** The stable dotted action name, e.g. {@code customer.read}. */
    String value();
}
