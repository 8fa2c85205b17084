package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What held when the service was attacked and must keep holding: no forged, tampered or expired token is accepted by
 * any operation, and no variant of a path reaches a handler under a weaker rule.
 */
@IntegrationTest
class ForgedTokenIntegrationTests {

    private static final String SECRET = TestTokens.SECRET;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void refusesEveryForgedTokenOnEveryOperation() throws Exception {
        Map<String, String> forgeries = forgeries();
        List<String> accepted = new ArrayList<>();
        for (OperationScopes.Rule rule : OperationScopes.RULES) {
            String uri = rule.path().replace("{id}", "AC12345678900").replaceAll("\\{[A-Za-z]+}", "1");
            String body =
                    rule.method().name().equals("GET") || rule.method().name().equals("DELETE") ? null : "{}";
            for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
                HttpResponse<String> answer = http.send(rule.method().name(), uri, forgery.getValue(), body);
                if (answer.statusCode() != 401 || !answer.body().contains("\"status\":401")) {
                    accepted.add(
                            forgery.getKey() + " on " + rule.method() + " " + rule.path() + ": " + answer.statusCode());
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void letsNoPathVariantReachAHandlerWithoutItsScope() {
        String noScope = TestTokens.withScopes("");
        for (String path : List.of(
                "//api/v1/customers/AC12345678900",
                "/api//v1/customers/AC12345678900",
                "/api/v1/./customers/AC12345678900",
                "/api/v1/x/../customers/AC12345678900",
                "/api/v1/customers%2FAC12345678900",
                "/api/v1/customers/AC12345678900;jsessionid=1",
                "/API/v1/customers/AC12345678900",
                "/api/v1/customers/AC12345678900/",
                "/api/v1/customers/AC12345678900/summary/",
                "/api/v1/customers/AC12345678900%3B/interactions")) {
            for (String method : List.of("GET", "HEAD")) {
                int status = http.send(http.request(method, URI.create("http://127.0.0.1:" + port + path), noScope))
                        .statusCode();
                assertThat(status).as(method + " " + path).isIn(400, 401, 403, 404);
            }
        }
    }

    private Map<String, String> forgeries() throws Exception {
        JWTClaimsSet claims = TestTokens.validClaims().build();
        String valid = TestTokens.sign(claims);
        String[] parts = valid.split("\\.");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("alg none", encode("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        tokens.put("HS384 with the right secret", hmac("HS384", "HmacSHA384", parts[1]));
        tokens.put("HS512 with the right secret", hmac("HS512", "HmacSHA512", parts[1]));
        tokens.put(
                "RS256 header over an HMAC signature", encode("{\"alg\":\"RS256\"}") + "." + parts[1] + "." + parts[2]);
        String tamperedClaims = encode(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("test-user", "admin-user"));
        tokens.put("tampered claims", parts[0] + "." + tamperedClaims + "." + parts[2]);
        tokens.put("stripped signature", parts[0] + "." + parts[1] + ".");
        tokens.put("another secret", TestTokens.signedWith("another-secret-that-is-long-enough-0123456789"));
        tokens.put("expired", TestTokens.expired());
        tokens.put(
                "not valid yet",
                TestTokens.sign(TestTokens.validClaims()
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                        .build()));
        RSAKey attacker =
                new RSAKeyGenerator(2048).keyID("../../../../dev/null").generate();
        SignedJWT jku = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .jwkURL(URI.create("https://attacker.example/jwks.json"))
                        .keyID(attacker.getKeyID())
                        .build(),
                claims);
        jku.sign(new RSASSASigner(attacker));
        tokens.put("jku and kid injection", jku.serialize());
        return tokens;
    }

    /** Signs the payload with the test secret itself under another HMAC algorithm than the configured HS256. */
    private static String hmac(String algorithm, String javaName, String payload) throws Exception {
        String signingInput = encode("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + payload;
        Mac mac = Mac.getInstance(javaName);
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), javaName));
        byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64URL.encode(signature);
    }

    private static String encode(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
