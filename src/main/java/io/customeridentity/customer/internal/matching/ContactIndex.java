package io.customeridentity.customer.internal.matching;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Computes the keyed blind indexes of a customer's current e-mail, phone and name with postal code, for exact look-ups
 * without storing the values ({@code customer_contact_index}, written by {@code CustomerTables}).
 */
@Component
public class ContactIndex {

    private final BlindIndex emails;
    private final BlindIndex phones;
    private final BlindIndex namesWithPostcodes;

    ContactIndex(MasterKey masterKey) {
        this.emails = new BlindIndex(masterKey, "email");
        this.phones = new BlindIndex(masterKey, "phone");
        this.namesWithPostcodes = new BlindIndex(masterKey, "name-postcode");
    }

    /** The kinds of blind index, in the order they are written. */
    public static final List<String> KINDS = List.of("EMAIL", "PHONE", "NAME_POSTCODE");

    /** The customer's indexes, only for the values the profile has. */
    public List<Entry> entriesOf(CustomerProfile profile) {
        List<Entry> entries = new ArrayList<>();
        if (profile.email() != null) {
            entries.add(new Entry("EMAIL", emails.of(profile.email())));
        }
        if (profile.phone() != null) {
            entries.add(new Entry("PHONE", phones.of(profile.phone())));
        }
        String namePostcode = namePostcode(profile);
        if (namePostcode != null) {
            entries.add(new Entry("NAME_POSTCODE", namesWithPostcodes.of(namePostcode)));
        }
        return entries;
    }

    byte[] emailIndex(String normalizedEmail) {
        return emails.of(normalizedEmail);
    }

    byte[] phoneIndex(String e164) {
        return phones.of(e164);
    }

    /** Given and family name and postal code, case- and space-insensitive; null unless all three are known. */
    private static String namePostcode(CustomerProfile profile) {
        if (profile.givenName() == null
                || profile.familyName() == null
                || profile.address() == null
                || profile.address().postalCode() == null) {
            return null;
        }
        return String.join(
                "\u0000",
                profile.givenName().toLowerCase(java.util.Locale.ROOT),
                profile.familyName().toLowerCase(java.util.Locale.ROOT),
                profile.address().postalCode().replace(" ", "").toUpperCase(java.util.Locale.ROOT));
    }

    /** Kinds and blind indexes, index for index, ready for {@code unnest}. */
    public record Entry(String kind, byte[] blindIndex) {}
}
