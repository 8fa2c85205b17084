package io.customeridentity.customer.internal.matching;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.CustomerProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The match keys of a profile: the blocking keys of duplicate detection, each a pair of typo-tolerant transformations
 * of two fields (phonetic codes of the names and the street, the birth date with day and month unordered, the postal
 * code), so a duplicate that keeps any two of those fields shares a key. Stored only as HMAC-SHA256 under their own
 * subkey (purpose {@code match-keys}), cut to 16 bytes, in {@code customer_match_keys} (written by
 * {@code CustomerTables}).
 */
@Component
public class MatchKeys {

    /** Bytes kept of each HMAC: collisions stay negligible (2^-64 at 2^32 keys) and the index stays small. */
    static final int KEY_BYTES = 16;

    private final BlindIndex keys;

    /** Public for the benchmark's seeder, which writes rows as the service would. */
    public MatchKeys(MasterKey masterKey) {
        this.keys = new BlindIndex(masterKey, "match-keys");
    }

    /** The HMACs of {@link #plainKeys}, in their order. */
    public List<byte[]> of(CustomerProfile profile) {
        List<byte[]> hashed = new ArrayList<>();
        for (String key : plainKeys(MatchFeatures.of(profile))) {
            hashed.add(Arrays.copyOf(keys.of(key), KEY_BYTES));
        }
        return hashed;
    }

    /**
     * The keys before hashing, each "kind:part|part"; only for the fields the profile has. The kinds are in the input
     * of the HMAC, so equal parts of different kinds never collide.
     */
    static Set<String> plainKeys(MatchFeatures features) {
        String given = MatchText.phonetic(features.givenName());
        String family = MatchText.phonetic(features.familyName());
        String born = birthDay(features.birthDate());
        String postcode = features.postalCode();
        String street = MatchText.streetPhonetic(features.street());
        Set<String> plain = new LinkedHashSet<>();
        // The two names in either order: a given and family name swapped still meet.
        if (given != null && family != null) {
            plain.add("names:" + (given.compareTo(family) <= 0 ? given + "|" + family : family + "|" + given));
        }
        add(plain, "family-born", family, born);
        add(plain, "given-born", given, born);
        add(plain, "family-postcode", family, postcode);
        add(plain, "given-postcode", given, postcode);
        add(plain, "born-postcode", born, postcode);
        add(plain, "family-street", family, street);
        add(plain, "given-street", given, street);
        add(plain, "born-street", born, street);
        add(plain, "street-postcode", street, postcode);
        return plain;
    }

    /** Year and the two smaller parts in order: 1985-03-07 and 1985-07-03 are one (a day and month swapped). */
    static String birthDay(LocalDate date) {
        if (date == null) {
            return null;
        }
        int low = Math.min(date.getMonthValue(), date.getDayOfMonth());
        int high = Math.max(date.getMonthValue(), date.getDayOfMonth());
        return date.getYear() + "-" + low + "-" + high;
    }

    private static void add(Set<String> plain, String kind, String first, String second) {
        if (first != null && second != null) {
            plain.add(kind + ":" + first + "|" + second);
        }
    }
}
