package io.customeridentity.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.crypto.MasterKey;
import io.customeridentity.support.StoredRows;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Account numbers stored by older code still decrypt, and still have the same fingerprint. */
class AccountNumberCodecCompatibilityTests {

    private final StoredRows stored = StoredRows.v1();
    private final AccountNumberCodec codec =
            new AccountNumberCodec(StoredRows.encryption(), MasterKey.fromBase64(StoredRows.MASTER_KEY));

    @Test
    void decryptsStoredAccountNumbers() {
        JsonNode row = stored.of("account_links").get(0);

        String number = codec.decrypt(
                stored.dataKey(),
                UUID.fromString(row.path("link_id").asString()),
                StoredRows.bytes(row, "number_ciphertext"));

        assertThat(number).isEqualTo("GB82WEST12345698765432");
        assertThat(codec.fingerprint(number)).isEqualTo(StoredRows.bytes(row, "fingerprint"));
    }
}
