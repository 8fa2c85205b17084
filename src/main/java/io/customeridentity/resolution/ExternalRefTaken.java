package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.DomainException;
import java.util.Map;

/** The external ID is mapped to another customer already. */
public final class ExternalRefTaken extends DomainException {

    private final CustomerId holder;

    public ExternalRefTaken(CustomerId holder) {
        super(
                "external-ref-taken",
                Kind.CONFLICT,
                "This external ID belongs to customer " + holder.value() + "; end that mapping first.");
        this.holder = holder;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("holder", holder.value());
    }
}
