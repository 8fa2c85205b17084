package io.customeridentity.customer.internal;

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
class ContactIndex {

    private final JdbcClient jdbc;
    private final BlindIndex emails;
    private final BlindIndex phones;

    ContactIndex(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.emails = new BlindIndex(masterKey, "email");
        this.phones = new BlindIndex(masterKey, "phone");
    }

    void update(String customerId, CustomerProfile profile) {
        put(customerId, "EMAIL", profile.email() == null ? null : emails.of(profile.email()));
        put(customerId, "PHONE", profile.phone() == null ? null : phones.of(profile.phone()));
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
}
