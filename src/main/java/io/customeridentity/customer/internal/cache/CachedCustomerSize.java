package io.customeridentity.customer.internal.cache;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.Map;

/**
 * The heap a cached customer keeps alive, estimated from the lengths of its strings: what a memory-bounded
 * {@link CustomerCache} weighs entries by. Sizes are those of a 64-bit JVM with compressed references (object headers
 * of 12 bytes, everything rounded up to 8), and every part counts as unshared, so the estimate errs on the high side.
 */
final class CachedCustomerSize {

    /** The cache's own node and the map's node that point to the entry. */
    private static final int CACHE_NODES = 48 + 32;

    private static final int DETAILS = 40;
    private static final int PROFILE = 48;
    /** A LocalDate: header and three fields. */
    private static final int LOCAL_DATE = 24;

    private static final int ADDRESS = 40;
    private static final int PREFERENCES = 32;
    private static final int INSTANT = 24;
    private static final int CUSTOMER_ID = 24;
    private static final int LIST = 24;
    private static final int SORTED_MAP = 16 + 48;
    private static final int MAP_ENTRY = 40;

    private CachedCustomerSize() {}

    /** The estimated bytes of an entry keyed by {@code key}, within {@code Integer.MAX_VALUE}. */
    static int of(String key, CustomerDetails details) {
        long bytes = CACHE_NODES + string(key) + DETAILS + customerId(details.id()) + customerId(details.mergedInto());
        bytes += instant(details.createdAt()) + instant(details.updatedAt()) + profile(details.profile());
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private static long profile(CustomerProfile profile) {
        if (profile == null) {
            return 0;
        }
        long bytes = PROFILE
                + string(profile.givenName())
                + string(profile.familyName())
                + (profile.birthDate() == null ? 0 : LOCAL_DATE)
                + string(profile.email())
                + string(profile.phone());
        CustomerProfile.Address address = profile.address();
        if (address != null) {
            bytes += ADDRESS
                    + string(address.line1())
                    + string(address.line2())
                    + string(address.city())
                    + string(address.region())
                    + string(address.postalCode())
                    + string(address.country());
        }
        CustomerProfile.Preferences preferences = profile.preferences();
        if (preferences != null) {
            bytes += PREFERENCES
                    + string(preferences.language())
                    + LIST
                    + 8L * preferences.contactChannels().size()
                    + instant(preferences.consentUpdatedAt())
                    + (preferences.marketingConsent() == null ? 0 : 16);
        }
        if (!profile.attributes().isEmpty()) {
            bytes += SORTED_MAP;
            for (Map.Entry<String, String> attribute : profile.attributes().entrySet()) {
                bytes += MAP_ENTRY + string(attribute.getKey()) + string(attribute.getValue());
            }
        }
        return bytes;
    }

    private static long customerId(CustomerId id) {
        return id == null ? 0 : CUSTOMER_ID + string(id.prefix()) + string(id.body());
    }

    private static long instant(Instant instant) {
        return instant == null ? 0 : INSTANT;
    }

    /** A String and its array: one byte per character (Latin-1), two for any other text. */
    private static long string(String value) {
        if (value == null) {
            return 0;
        }
        return 24 + align(16 + (long) value.length() * (isLatin1(value) ? 1 : 2));
    }

    private static boolean isLatin1(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
