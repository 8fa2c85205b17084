package io.customeridentity.interaction.internal;

import io.customeridentity.interaction.Money;
import io.customeridentity.interaction.NewInteraction;
import io.customeridentity.shared.FieldViolation;
import io.customeridentity.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks every rule of an interaction at once and normalises it; messages never repeat the values. */
final class InteractionValidator {

    private static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,24}(\\.[0-9]{1,4})?");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final int MAX_ATTRIBUTES = 50;

    private InteractionValidator() {}

    static ValidInteraction validate(NewInteraction in, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (in.type() == null) {
            violations.add(new FieldViolation("type", "Required."));
        }
        if (in.channel() == null) {
            violations.add(new FieldViolation("channel", "Required."));
        }
        Instant occurredAt = in.occurredAt() == null ? now : in.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_FUTURE))) {
            violations.add(new FieldViolation("occurredAt", "Must not be more than 5 minutes in the future."));
        }
        if (in.source() == null || !SOURCE.matcher(in.source()).matches()) {
            violations.add(new FieldViolation("source", "Required: 1 to 100 letters, digits, '.', '_', ':' or '-'."));
        }
        if (in.externalId() == null
                || in.externalId().isBlank()
                || in.externalId().length() > 200) {
            violations.add(new FieldViolation("externalId", "Required: 1 to 200 characters."));
        }
        Money amount = amount(in, violations);
        rating(in, violations);
        InteractionDetails details = new InteractionDetails(
                text("subject", in.subject(), 200, violations),
                text("note", in.note(), 4000, violations),
                attributes(in.attributes(), violations));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ValidInteraction(
                in.type(),
                in.channel(),
                occurredAt,
                in.source(),
                in.externalId(),
                amount,
                in.rating(),
                details.isEmpty() ? null : details);
    }

    private static Money amount(NewInteraction in, List<FieldViolation> violations) {
        boolean needed = in.type() != null && in.type().hasAmount();
        if (in.amount() == null) {
            if (needed) {
                violations.add(new FieldViolation("amount", "Required for " + in.type() + "."));
            }
            return null;
        }
        if (in.type() != null && !needed) {
            violations.add(new FieldViolation("amount", "Only purchases and refunds have an amount."));
            return null;
        }
        Currency currency = currency(in.amount().currency());
        if (currency == null) {
            violations.add(new FieldViolation("amount.currency", "Must be an ISO 4217 currency code, such as EUR."));
            return null;
        }
        String value = in.amount().value();
        if (value == null || !DECIMAL.matcher(value).matches()) {
            violations.add(new FieldViolation(
                    "amount.value", "Must be a positive decimal string, such as \"12.50\" (no exponent, no sign)."));
            return null;
        }
        BigDecimal decimal = new BigDecimal(value);
        if (decimal.signum() <= 0) {
            violations.add(new FieldViolation("amount.value", "Must be greater than zero."));
            return null;
        }
        if (decimal.scale() > currency.getDefaultFractionDigits()) {
            violations.add(new FieldViolation(
                    "amount.value",
                    currency.getCurrencyCode() + " has " + currency.getDefaultFractionDigits() + " decimal places."));
            return null;
        }
        return new Money(decimal.setScale(currency.getDefaultFractionDigits()), currency.getCurrencyCode());
    }

    private static Currency currency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static void rating(NewInteraction in, List<FieldViolation> violations) {
        if (in.rating() == null) {
            if (in.type() == io.customeridentity.interaction.InteractionType.FEEDBACK) {
                violations.add(new FieldViolation("rating", "Required for FEEDBACK: 1 to 5."));
            }
        } else if (in.rating() < 1 || in.rating() > 5) {
            violations.add(new FieldViolation("rating", "Must be 1 to 5."));
        }
    }

    private static String text(String field, String value, int max, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            violations.add(new FieldViolation(field, "Must be at most " + max + " characters."));
        }
        return value.strip();
    }

    private static Map<String, String> attributes(Map<String, String> attributes, List<FieldViolation> violations) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            violations.add(new FieldViolation("attributes", "At most " + MAX_ATTRIBUTES + " entries."));
        }
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
                violations.add(new FieldViolation("attributes", "Keys must match [a-z0-9_.-]{1,64}."));
            } else if (value == null || value.length() > 1000) {
                violations.add(new FieldViolation("attributes." + key, "Must be a string of at most 1000 characters."));
            } else {
                sorted.put(key, value);
            }
        });
        return sorted;
    }
}
