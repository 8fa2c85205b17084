package io.customeridentity.shared.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of the server is a problem detail, including the errors Tomcat answers by itself before a request
 * reaches the application, and the ones the application would leave empty.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorsIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void answersABadPathEncodingWithAProblem() {
        expectProblem(
                http.raw("GET /api/v1/customers/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                400,
                "bad-request");
    }

    @Test
    void answersAControlCharacterInThePathWithAProblem() {
        expectProblem(
                http.raw("GET /api/v1/a\u0001b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "bad-request");
    }

    @Test
    void answersAnOversizedHeaderWithAProblem() {
        String answer = http.raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        expectProblem(answer, 400, "bad-request");
    }

    @Test
    void answersAnUnknownExpectationWithAProblem() {
        expectProblem(
                http.raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\nConnection: close\r\n\r\n"),
                417,
                "expectation-failed");
    }

    @Test
    void answersConnectWithAProblem() {
        expectProblem(
                http.raw("CONNECT localhost:443 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                400,
                "unsupported-method");
    }

    @Test
    void answersAnUnknownHttpVersionWithAProblem() {
        expectProblem(
                http.raw("GET / HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "http-version-not-supported");
    }

    @Test
    void answersADeclaredOversizedBodyWithAProblemBeforeReadingIt() {
        String answer = http.raw("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\nConnection: close\r\n\r\n{\"givenName\":");
        expectProblem(answer, 413, "payload-too-large");
    }

    @Test
    void answersAnUnparsableAcceptHeaderWithAProblem() {
        String answer = http.raw("GET /api/v1/prefixes HTTP/1.1\r\nHost: x\r\nAccept: foo\r\nAuthorization: Bearer "
                + TestTokens.readWrite() + "\r\nConnection: close\r\n\r\n");
        expectProblem(answer, 406, "not-acceptable");
    }

    @Test
    void answersAMalformedPercentEscapeInAnyQueryWithAProblemAndOneLogLine(CapturedOutput output) {
        for (String path : new String[] {
            "/actuator/health?x=%FF",
            "/actuator/info?x=%zz",
            "/swagger-ui/index.html?x=%",
            "/v3/api-docs?x=%C3%28",
            "/api/v1/prefixes?x=%FF"
        }) {
            String answer = http.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            expectProblem(answer, 400, "invalid-parameter");
        }
        assertThat(output.getAll()).doesNotContain("InvalidParameterException").doesNotContain("\tat org.apache");
        assertThat(output.getAll()).contains("Refused a query string that is not percent-encoded UTF-8");
    }

    @Test
    void answersAHeaderWithNonAsciiBytesWithAProblemAndOneLogLineWithoutTheValue(CapturedOutput output) {
        byte[] head = ("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + TestTokens.readWrite() + "\r\nConnection: close\r\n"
                        + "Content-Length: 19\r\nIdempotency-Key: key-")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] emoji = "\ud83d\ude00\r\n\r\n{\"givenName\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(head, head.length + emoji.length);
        System.arraycopy(emoji, 0, request, head.length, emoji.length);

        expectProblem(http.raw(request), 400, "bad-request");
        assertThat(output.getAll())
                .contains("Refused a request with a header or parameter the firewall does not accept")
                .doesNotContain("RequestRejectedException")
                .doesNotContain("key-\u00f0");
    }

    @Test
    void answersAnUnparsableContentLengthWithAProblemAndNoStackTrace(CapturedOutput output) {
        for (String length : new String[] {"abc", "-1", "99999999999999999999"}) {
            String answer = http.raw("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n{}");
            expectProblem(answer, 400, "bad-request");
        }
        assertThat(output.getAll()).doesNotContain("NumberFormatException").doesNotContain("\tat org.apache");
    }

    @Test
    void answersTheErrorPageAskedForDirectlyAsAnUnknownPath() {
        expectProblem(http.raw("GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "not-found");
    }

    private static void expectProblem(String answer, int status, String code) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body)
                .contains("\"status\":" + status)
                .contains("\"code\":\"" + code + "\"")
                .contains("\"type\":\"/problems/" + code + "\"")
                .contains("\"instance\":\"urn:request:")
                .doesNotContain("<html");
    }
}
