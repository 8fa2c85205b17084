package io.customeridentity.interaction.internal;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/** Maps stored rows to the module's public records. */
final class InteractionMapper {

    private InteractionMapper() {}

    /** @param details decrypted details, or null (none, or no longer readable) */
    static Interaction interaction(InteractionRow row, InteractionDetails details) {
        return new Interaction(
                row.id(),
                CustomerId.parse(row.customerId()),
                row.type(),
                row.channel(),
                row.occurredAt(),
                row.recordedAt(),
                row.source(),
                row.externalId(),
                row.amountCurrency() == null ? null : money(row.amountValue(), row.amountCurrency()),
                row.rating(),
                details == null ? null : details.subject(),
                details == null ? null : details.note(),
                details == null || details.attributes() == null ? Map.of() : details.attributes());
    }

    /** The amount with exactly the currency's minor units (the column keeps 4 decimal places). */
    static Money money(BigDecimal value, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return new Money(value.setScale(digits, java.math.RoundingMode.UNNECESSARY), currency);
    }
}
