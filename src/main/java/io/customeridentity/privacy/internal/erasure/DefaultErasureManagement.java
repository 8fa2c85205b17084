package io.customeridentity.privacy.internal.erasure;

import io.customeridentity.customer.CustomerErasures;
import io.customeridentity.customer.CustomerErasures.ErasedCustomer;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.CustomerErasure;
import io.customeridentity.privacy.CustomersErased;
import io.customeridentity.privacy.ErasureManagement;
import io.customeridentity.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates the request, has the customer module shred the merge group, and publishes {@link CustomersErased} in the
 * same transaction (the change feed writes {@code customer.erased} from it; the audit records it).
 */
@Service
class DefaultErasureManagement implements ErasureManagement {

    private final CustomerErasures erasures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultErasureManagement(CustomerErasures erasures, ApplicationEventPublisher events, Clock clock) {
        this.erasures = erasures;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CustomerErasure erase(CustomerId id, String reason, String actor) {
        String why = reason(reason);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ErasedCustomer> group = erasures.erase(id, now, actor, why);
        Instant erasedAt = group.stream()
                .filter(erased -> erased.customerId().equals(id))
                .map(ErasedCustomer::erasedAt)
                .findFirst()
                .orElse(now);
        events.publishEvent(new CustomersErased(
                id,
                group.stream().map(ErasedCustomer::customerId).toList(),
                group.stream()
                        .filter(ErasedCustomer::erasedNow)
                        .map(ErasedCustomer::customerId)
                        .toList(),
                erasedAt,
                actor,
                why));
        return new CustomerErasure(id, erasedAt);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Required: why the person is erased, without personal data.");
        }
        String stripped = reason.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
            throw InvalidInputException.of("reason", "Must be at most " + MAX_REASON + " characters.");
        }
        return stripped;
    }
}
