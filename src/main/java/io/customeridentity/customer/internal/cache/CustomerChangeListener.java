package io.customeridentity.customer.internal.cache;

import io.customeridentity.shared.NotificationListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Listens on its own database connection (outside the pool) for the customer changes that any instance commits
 * (channel {@value #CHANNEL}, sent by a trigger on customers) and evicts them from the {@link CustomerCache}. The
 * cache serves only while this connection is known to be up; the connection is checked whenever nothing arrived for
 * the health-check interval, and re-opened with back-off when it fails.
 */
@Component
class CustomerChangeListener extends NotificationListener {

    static final String CHANNEL = "customer_changed";
    static final String APPLICATION_NAME = "customer-identity cache listener";

    private static final Logger log = LoggerFactory.getLogger(CustomerChangeListener.class);

    private final CustomerCache cache;
    private final CacheProperties properties;

    CustomerChangeListener(JdbcConnectionDetails database, CustomerCache cache, CacheProperties properties) {
        super("customer-change-listener", database, CHANNEL, APPLICATION_NAME);
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration checkInterval() {
        return properties.healthCheckInterval();
    }

    @Override
    protected void listening() {
        cache.open();
        log.info("Listening for customer changes; the customer cache is on");
    }

    @Override
    protected void received(String customerId) {
        cache.evict(customerId);
    }

    @Override
    protected String whenFailing() {
        return "Cannot listen for customer changes; customer cache off";
    }

    @Override
    protected void failed() {
        cache.close();
    }

    /** The cache stops serving at once, before the listening thread has ended. */
    @Override
    protected void wake() {
        cache.close();
        super.wake();
    }
}
