package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.wire.WireRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** JSON answers go over the wire with their length, not chunked: one write, one packet for a small answer. */
@IntegrationTest
class JsonResponsesIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/customers, 201",
        "GET, /api/v1/customer-ids/AC-1234-5678-900, 200",
        "GET, /api/v1/customers/AC-1234-5678-900, 404",
        "GET, /api/v1/customers/not-an-id, 400",
        "GET, /v3/api-docs, 200"
    })
    void sendsJsonWithItsLength(String method, String path, int status) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"givenName\": \"Sized\"}"))
                .build();

        HttpResponse<byte[]> response =
                WireRecorder.record(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }
}
