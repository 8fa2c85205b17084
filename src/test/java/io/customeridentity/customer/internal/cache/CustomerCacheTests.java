package io.customeridentity.customer.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** How much the customer cache holds: bounded by heap by default, by a count when one is configured. */
class CustomerCacheTests {

    private static final Instant CREATED = Instant.parse("2026-11-24T08:00:00Z");

    private static final List<String> IDS = IntStream.range(0, 2_000)
            .mapToObj(n -> CustomerId.of("CU", "%010d".formatted(n)).value())
            .toList();

    @Test
    void holdsNoMoreCustomersThanFitInItsMemoryBudget() {
        CustomerCache cache = openCache(DataSize.ofKilobytes(64), null);

        int held = heldAfterReadingAll(cache);

        int smallestEntry = CachedCustomerSize.of(IDS.get(0), customer(IDS.get(0)));
        assertThat(held).isPositive().isLessThanOrEqualTo((int)
                (DataSize.ofKilobytes(64).toBytes() / smallestEntry));
    }

    @Test
    void holdsMoreCustomersWithALargerBudget() {
        int small = heldAfterReadingAll(openCache(DataSize.ofKilobytes(64), null));
        int large = heldAfterReadingAll(openCache(DataSize.ofKilobytes(512), null));

        assertThat(large).isGreaterThan(small * 4);
    }

    @Test
    void holdsAtMostMaxSizeCustomersWhenACountIsConfigured() {
        CustomerCache cache = openCache(DataSize.ofMegabytes(64), 10);

        assertThat(heldAfterReadingAll(cache)).isPositive().isLessThanOrEqualTo(10);
    }

    @Test
    void isOffWhenEitherBoundIsZero() {
        assertThat(properties(DataSize.ofBytes(0), null).enabled()).isFalse();
        assertThat(properties(null, 0).enabled()).isFalse();
        assertThat(properties(DataSize.ofMegabytes(64), 0).enabled()).isFalse();
    }

    @Test
    void takesAQuarterOfTheHeapByDefault() {
        CacheProperties defaults = properties(null, null);

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.memoryBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
    }

    @Test
    void bindsTheDocumentedProperties() {
        CacheProperties bound = bind(Map.of("max-memory", "512MB", "ttl", "2m"));
        CacheProperties defaults = bind(Map.of());
        CacheProperties counted = bind(Map.of("max-size", "5000"));

        assertThat(bound.memoryBudget()).isEqualTo(512L * 1024 * 1024);
        assertThat(bound.ttl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.maxSize()).isNull();
        assertThat(defaults.memoryBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
        assertThat(defaults.ttl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(counted.maxSize()).isEqualTo(5000);
    }

    private static CacheProperties bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((name, value) -> prefixed.put("customer-identity.cache.customers." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("customer-identity.cache.customers", CacheProperties.class);
    }

    /**
     * Reads every ID, then counts what a second pass finds in memory; the second pass loads merged customers, which
     * the cache does not store, so that it evicts nothing while counting.
     */
    private static int heldAfterReadingAll(CustomerCache cache) {
        IDS.forEach(id -> cache.get(id, CustomerCacheTests::customer));
        AtomicInteger loads = new AtomicInteger();
        IDS.forEach(id -> cache.get(id, key -> {
            loads.incrementAndGet();
            return merged(key);
        }));
        return IDS.size() - loads.get();
    }

    private static CustomerCache openCache(DataSize maxMemory, Integer maxSize) {
        CustomerCache cache = new CustomerCache(properties(maxMemory, maxSize));
        cache.open();
        return cache;
    }

    private static CacheProperties properties(DataSize maxMemory, Integer maxSize) {
        return new CacheProperties(maxMemory, maxSize, Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    private static CustomerDetails merged(String id) {
        CustomerDetails customer = customer(id);
        return new CustomerDetails(
                customer.id(),
                CustomerStatus.MERGED,
                1,
                CREATED,
                CREATED,
                customer.profile(),
                CustomerId.parse(IDS.get(0)));
    }

    private static CustomerDetails customer(String id) {
        CustomerProfile profile =
                new CustomerProfile("Ada", "Lovelace", "ada+" + id + "@example.com", null, null, null, null);
        return new CustomerDetails(CustomerId.parse(id), CustomerStatus.ACTIVE, 1, CREATED, CREATED, profile, null);
    }
}
