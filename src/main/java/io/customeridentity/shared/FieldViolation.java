package io.customeridentity.shared;

/** One invalid field of a request: its JSON name and what is wrong with it (never the rejected value). */
public record FieldViolation(String field, String message) {}
