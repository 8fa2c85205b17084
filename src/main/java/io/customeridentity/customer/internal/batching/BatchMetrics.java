package io.customeridentity.customer.internal.batching;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** How many requests each shared statement served ({@code customer.identity.batch.size}, one per kind). */
public final class BatchMetrics {

    private BatchMetrics() {}

    public static DistributionSummary groupSizes(MeterRegistry meters, String statement) {
        return DistributionSummary.builder("customer.identity.batch.size")
                .description("Requests served by one shared database statement")
                .baseUnit("requests")
                .tag("statement", statement)
                .register(meters);
    }
}
