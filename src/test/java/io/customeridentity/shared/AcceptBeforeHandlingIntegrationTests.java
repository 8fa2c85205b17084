package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request refused for its {@code Accept} header is refused before it changes anything. */
@IntegrationTest
class AcceptBeforeHandlingIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "application/yaml", "application/json;q=0", "foo"})
    void refusesAnUnacceptableRegistrationBeforeRegistering(String accept) {
        Http http = new Http(port);
        String token = TestTokens.readWrite();
        String email = "accept-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/api/v1/customers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Ada\",\"email\":\"" + email + "\"}"))
                .build());

        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> matches = http.send("POST", "/api/v1/resolve", token, "{\"email\":\"" + email + "\"}");
        assertThat(matches.statusCode()).isEqualTo(200);
        assertThat(matches.body()).doesNotContain("customerId");
    }
}
