package io.customeridentity.interaction;

import java.math.BigDecimal;

/** An exact amount in an ISO 4217 currency, never a binary float. */
public record Money(BigDecimal value, String currency) {}
