package io.customeridentity.customer.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerStatus;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Current details of active customers, in memory, so that a read of a customer needs no database round trip.
 *
 * <p>Correct across instances: every change of a customers row notifies all instances through PostgreSQL
 * ({@link CustomerChangeListener}), and the cache serves entries only while that listening connection is up; when it
 * drops, the cache is emptied and bypassed until the connection is back. A load that raced with a change is not
 * stored: each key's stripe carries a stamp that every eviction moves, and a loaded value is stored only if its
 * stripe's stamp did not move while it was being read.
 */
@Component
public class CustomerCache {

    private static final int STRIPES = 1024;

    private final Cache<String, CustomerDetails> entries;
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private volatile boolean live;

    CustomerCache(CacheProperties properties) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .expireAfterWrite(properties.ttl())
                // Evictions on the caller's thread: once the cache is full every miss evicts, and handing that work
                // to the common pool woke a pool thread per miss, costing more than the eviction itself.
                .executor(Runnable::run);
        this.entries = properties.maxSize() != null
                ? builder.maximumSize(Math.max(properties.maxSize(), 0)).build()
                : builder.maximumWeight(properties.memoryBudget())
                        .weigher(CachedCustomerSize::of)
                        .build();
    }

    /** The cached details, or what {@code loader} reads, stored unless a change raced with the read. */
    public CustomerDetails get(String id, Function<String, CustomerDetails> loader) {
        if (!live) {
            return loader.apply(id);
        }
        CustomerDetails cached = entries.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        int stripe = stripe(id);
        long stamp = stamps.get(stripe);
        CustomerDetails loaded = loader.apply(id);
        if (loaded.status() == CustomerStatus.ACTIVE) {
            // Atomic with evict(): either this sees the moved stamp, or the eviction comes after and removes it.
            entries.asMap().compute(id, (key, current) -> live && stamps.get(stripe) == stamp ? loaded : current);
        }
        return loaded;
    }

    /** Forgets a customer now. */
    public void evict(String id) {
        stamps.incrementAndGet(stripe(id));
        entries.invalidate(id);
    }

    /** Forgets a customer when the current transaction commits (at once without one): read-your-writes here. */
    public void evictAfterCommit(String id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                evict(id);
            }
        });
    }

    /**
     * Starts serving from memory, empty: called once every change from now on is being listened to (never when the
     * cache is configured off: then nothing listens).
     */
    void open() {
        evictAll();
        live = true;
    }

    /** Stops serving from memory: called when changes can no longer be heard. */
    void close() {
        live = false;
        evictAll();
    }

    boolean isOpen() {
        return live;
    }

    private void evictAll() {
        for (int i = 0; i < STRIPES; i++) {
            stamps.incrementAndGet(i);
        }
        entries.invalidateAll();
    }

    private static int stripe(String id) {
        return Math.floorMod(id.hashCode(), STRIPES);
    }
}
