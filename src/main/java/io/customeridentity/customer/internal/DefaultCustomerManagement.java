package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.customer.UnknownPrefix;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration and look-up of customers on PostgreSQL. */
@Service
class DefaultCustomerManagement implements CustomerManagement {

    private final Customers customers;
    private final CustomerVersions versions;
    private final ContactNormalizer normalizer;
    private final CustomerIdScheme scheme;
    private final JdbcClient jdbc;
    private final Clock clock;

    DefaultCustomerManagement(
            Customers customers,
            CustomerVersions versions,
            ContactNormalizer normalizer,
            CustomerIdScheme scheme,
            JdbcClient jdbc) {
        this.customers = customers;
        this.versions = versions;
        this.normalizer = normalizer;
        this.scheme = scheme;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional
    public CustomerDetails register(NewCustomer request, String actor) {
        String prefix = prefixOf(request.prefix());
        Profile profile = normalizer.normalize(request);
        CustomerId id = scheme.issue(prefix, nextSequenceValue());
        // Microseconds: what PostgreSQL stores, so the response equals what a later read returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        customers.save(Customer.register(id.value(), id.prefix(), now));
        versions.save(CustomerVersion.first(id.value(), profile, now, actor));
        return CustomerMapper.details(id, profile, now);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerDetails find(CustomerId id) {
        return customers
                .findCurrent(id.value())
                .map(CustomerMapper::details)
                .orElseThrow(() -> CustomerNotFound.forId(id));
    }

    /** The requested prefix, or the default; checked before a sequence value is spent on it. */
    private String prefixOf(String requested) {
        if (requested == null || requested.isBlank()) {
            return scheme.defaultPrefix();
        }
        String prefix = requested.strip().toUpperCase(Locale.ROOT);
        if (!scheme.prefixes().contains(prefix)) {
            throw UnknownPrefix.of(prefix);
        }
        return prefix;
    }

    private long nextSequenceValue() {
        return jdbc.sql("SELECT nextval('customer_id_seq')").query(Long.class).single();
    }
}
