package io.customeridentity.customer.internal.matching;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.CustomerProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the keyed blind indexes of each customer's current e-mail and phone, for exact look-ups without storing the
 * values. Lives outside the history tables and is updated in place.
 */
@Component
public class ContactIndex {

    private final JdbcClient jdbc;
    private final BlindIndex emails;
    private final BlindIndex phones;
    private final BlindIndex namesWithPostcodes;

    ContactIndex(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.emails = new BlindIndex(masterKey, "email");
        this.phones = new BlindIndex(masterKey, "phone");
        this.namesWithPostcodes = new BlindIndex(masterKey, "name-postcode");
    }

    /** A new customer's indexes, only for the values it has; inserted with the registration (see {@code Registrations}). */
    public Entries entriesOf(CustomerProfile profile) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        java.util.List<byte[]> indexes = new java.util.ArrayList<>();
        if (profile.email() != null) {
            kinds.add("EMAIL");
            indexes.add(emails.of(profile.email()));
        }
        if (profile.phone() != null) {
            kinds.add("PHONE");
            indexes.add(phones.of(profile.phone()));
        }
        String namePostcode = namePostcode(profile);
        if (namePostcode != null) {
            kinds.add("NAME_POSTCODE");
            indexes.add(namesWithPostcodes.of(namePostcode));
        }
        return new Entries(kinds.toArray(String[]::new), indexes.toArray(byte[][]::new));
    }

    public void update(String customerId, CustomerProfile profile) {
        put(customerId, "EMAIL", profile.email() == null ? null : emails.of(profile.email()));
        put(customerId, "PHONE", profile.phone() == null ? null : phones.of(profile.phone()));
        String namePostcode = namePostcode(profile);
        put(customerId, "NAME_POSTCODE", namePostcode == null ? null : namesWithPostcodes.of(namePostcode));
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

    private void put(String customerId, String kind, byte[] index) {
        if (index == null) {
            jdbc.sql("DELETE FROM customer_contact_index WHERE customer_id = :id AND kind = :kind")
                    .param("id", customerId)
                    .param("kind", kind)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO customer_contact_index (customer_id, kind, blind_index) VALUES (:id, :kind, :index)
                        ON CONFLICT (customer_id, kind) DO UPDATE SET blind_index = EXCLUDED.blind_index""")
                .param("id", customerId)
                .param("kind", kind)
                .param("index", index)
                .update();
    }

    /** Kinds and blind indexes, index for index, ready for {@code unnest}. */
    public record Entries(String[] kinds, byte[][] indexes) {}
}
