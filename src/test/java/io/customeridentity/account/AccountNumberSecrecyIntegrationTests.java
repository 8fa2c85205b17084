package io.customeridentity.account;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.VerboseLogging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * No full account number reaches any table or any log line, even with request, SQL and JDBC parameter logging at
 * their most verbose.
 */
@IntegrationTest
@VerboseLogging
class AccountNumberSecrecyIntegrationTests {

    /** Published examples (SWIFT registry, card-scheme test numbers), with the forms a caller might send. */
    private static final Map<String, String> NUMBERS = Map.of(
            "FR14 2004 1010 0505 0001 3M02 606", "IBAN",
            "NL91 ABNA 0417 1643 00", "IBAN",
            "6011 1111 1111 1117", "CARD",
            "011000015:987654321", "BANK_ACCOUNT",
            "INV-77X-4419-2208", "INVESTMENT");

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noFullNumberAppearsInAnyTableOrLogLine(CapturedOutput output) {
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        NUMBERS.forEach((number, type) -> {
            post("/api/v1/customers/" + customer + "/accounts", Map.of("accountNumber", number, "type", type))
                    .expectStatus()
                    .isCreated();
            post("/api/v1/accounts/resolve", Map.of("accountNumber", number))
                    .expectStatus()
                    .isOk();
        });
        post(
                        "/api/v1/customers/" + customer + "/accounts",
                        Map.of("accountNumber", "NL91 ABNA 0417 1643 01", "type", "IBAN"))
                .expectStatus()
                .isEqualTo(422);
        post(
                        "/api/v1/customers/" + customer + "/accounts",
                        Map.of("accountNumber", "6011 1111 1111 1118", "type", "CARD"))
                .expectStatus()
                .isEqualTo(422);
        new CustomerApi(client).json("/api/v1/customers/" + customer + "/accounts?includeUnlinked=true");

        String tables = dumpOfEveryTable();
        String logs = output.getAll();
        assertThat(logs).as("verbose logging really ran").contains("account_links");
        for (String number : List.of(
                "FR1420041010050500013M02606",
                "NL91ABNA0417164300",
                "NL91ABNA0417164301",
                "6011111111111117",
                "6011111111111118",
                "011000015:987654321",
                "INV77X44192208")) {
            for (String form : forms(number)) {
                assertThat(tables).as("tables contain %s", form).doesNotContain(form);
                assertThat(logs).as("logs contain %s", form).doesNotContain(form);
            }
        }
    }

    /** The normalised number, as sent (with separators), lower-cased, and hex-encoded (bytea columns). */
    private static List<String> forms(String number) {
        String hex = java.util.HexFormat.of().formatHex(number.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return List.of(number, number.toLowerCase(), hex);
    }

    private String dumpOfEveryTable() {
        StringBuilder dump = new StringBuilder();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                .query(String.class)
                .list()) {
            jdbc.sql("SELECT t::text FROM \"" + table + "\" t")
                    .query(String.class)
                    .list()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString().replaceAll("[\\s-]", "");
    }

    private RestTestClient.ResponseSpec post(String path, Map<String, Object> body) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
