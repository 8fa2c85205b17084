package io.customeridentity.customer.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Turns a customer ID in a path into a {@link CustomerId}, for every controller that takes one: leniently, and only
 * with a configured prefix ({@link CustomerIdScheme#parse}). A mistyped ID is rejected before any database work, with
 * the same problem as ever (see {@link CustomerIdProblems}).
 */
@Component
class CustomerIdConverter implements Converter<String, CustomerId> {

    private final ObjectProvider<CustomerIdScheme> scheme;

    /** The scheme is looked up on first use: it reads its key from the database, the MVC set-up does not need to. */
    CustomerIdConverter(ObjectProvider<CustomerIdScheme> scheme) {
        this.scheme = scheme;
    }

    @Override
    public CustomerId convert(String id) {
        return scheme.getObject().parse(id);
    }
}
