package io.customeridentity.identifier;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The customer-ID policy of one deployment: which prefixes it issues and accepts, the default prefix, and the body
 * permutation that turns sequence values into IDs.
 */
public final class CustomerIdScheme {

    private final List<String> prefixes;
    private final String defaultPrefix;
    private final BodyPermutation permutation;

    /**
     * Creates the scheme; prefixes are accepted in any case and stored upper-case.
     *
     * @throws IllegalArgumentException if no prefix is given, one is not two ASCII letters, or the default prefix is
     *     not among the allowed ones
     */
    public CustomerIdScheme(Collection<String> allowedPrefixes, String defaultPrefix, BodyPermutation permutation) {
        if (allowedPrefixes == null || allowedPrefixes.isEmpty()) {
            throw new IllegalArgumentException("At least one customer-ID prefix must be configured");
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String prefix : allowedPrefixes) {
            normalized.add(configuredPrefix(prefix, "allowed prefix"));
        }
        String normalizedDefault = configuredPrefix(defaultPrefix, "default prefix");
        if (!normalized.contains(normalizedDefault)) {
            throw new IllegalArgumentException("The default customer-ID prefix " + normalizedDefault
                    + " must be one of the allowed prefixes " + normalized);
        }
        this.prefixes = List.copyOf(normalized);
        this.defaultPrefix = normalizedDefault;
        this.permutation = Objects.requireNonNull(permutation, "permutation");
    }

    /** Returns the allowed prefixes, upper-case, in configuration order. */
    public List<String> prefixes() {
        return prefixes;
    }

    public String defaultPrefix() {
        return defaultPrefix;
    }

    /**
     * Issues the ID for the {@code sequenceValue}-th body under a prefix ({@code null} or blank means the default).
     *
     * @throws InvalidCustomerIdException (unknown prefix) if the prefix is not allowed
     * @throws IllegalArgumentException if the sequence value is outside 0..9,999,999,999
     */
    public CustomerId issue(String prefixOrNull, long sequenceValue) {
        String prefix = issuablePrefix(prefixOrNull);
        return CustomerId.of(prefix, permutation.bodyFor(sequenceValue));
    }

    /**
     * The prefix a new ID would get for a request ({@code null} or blank means the default), upper-case; lets a caller
     * refuse an unknown prefix before it spends a sequence value on it.
     *
     * @throws InvalidCustomerIdException (unknown prefix, {@linkplain InvalidCustomerIdException#requested()
     *     requested}) if the prefix is not allowed
     */
    public String issuablePrefix(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultPrefix;
        }
        String prefix = Ascii.normalizePrefix(requested);
        if (prefix == null || !prefixes.contains(prefix)) {
            throw InvalidCustomerIdException.prefixNotIssued();
        }
        return prefix;
    }

    /**
     * Parses an ID leniently (see {@link CustomerId#parse}) and checks that its prefix is allowed.
     *
     * @throws InvalidCustomerIdException malformed, check-digit mismatch or unknown prefix
     */
    public CustomerId parse(String input) {
        CustomerId id = CustomerId.parse(input);
        if (!prefixes.contains(id.prefix())) {
            throw InvalidCustomerIdException.unknownPrefix(id.prefix());
        }
        return id;
    }

    private static String configuredPrefix(String value, String role) {
        String prefix = Ascii.normalizePrefix(value);
        if (prefix == null) {
            throw new IllegalArgumentException(
                    "Each customer-ID " + role + " must be two ASCII letters, got '" + value + "'");
        }
        return prefix;
    }
}
