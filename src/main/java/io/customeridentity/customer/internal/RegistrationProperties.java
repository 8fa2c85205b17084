package io.customeridentity.customer.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How concurrent registrations share a statement (see {@link Registrations}): the most registrations one statement
 * writes (1 writes each alone) and how many such statements may run at once, each on its own pooled connection.
 */
@ConfigurationProperties("customer-identity.registrations")
record RegistrationProperties(
        @DefaultValue("64") int groupSize,
        @DefaultValue("2") int concurrentGroups) {

    RegistrationProperties {
        if (groupSize < 1 || concurrentGroups < 1) {
            throw new IllegalArgumentException(
                    "customer-identity.registrations.group-size and .concurrent-groups must be at least 1");
        }
    }
}
