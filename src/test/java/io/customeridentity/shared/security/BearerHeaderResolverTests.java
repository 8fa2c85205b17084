package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link BearerHeaderResolver} answers every request as Spring Security's default resolver does. */
class BearerHeaderResolverTests {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

    @Test
    void resolvesTheTokenOrFailsExactlyAsTheDefaultResolver() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + TOKEN,
                "bearer " + TOKEN,
                "BEARER " + TOKEN,
                "Bearer " + TOKEN + "==",
                "Bearer abc~+/-._",
                "Bearer ",
                "Bearer",
                "Bearer  " + TOKEN,
                "Bearer " + TOKEN + " ",
                "Bearer " + TOKEN + "=x",
                "Bearer =",
                "Bearer ab%cd",
                "Bearer ab,cd",
                "Bearer\t" + TOKEN,
                "Basic dXNlcjpwYXNz",
                "Bearerx " + TOKEN,
                "Token " + TOKEN,
                "",
                "Bearer é"));
        headers.add(null);
        List<String> differences = new ArrayList<>();
        for (String header : headers) {
            for (String query : new String[] {null, "x=1", "access_token=" + TOKEN, "x=access_token"}) {
                for (String method : new String[] {"GET", "POST"}) {
                    for (String contentType :
                            new String[] {null, "application/json", "application/x-www-form-urlencoded"}) {
                        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/customers");
                        if (header != null) {
                            request.addHeader("Authorization", header);
                        }
                        if (query != null) {
                            request.setQueryString(query);
                            for (String pair : query.split("&")) {
                                String[] nameValue = pair.split("=", 2);
                                request.addParameter(nameValue[0], nameValue[1]);
                            }
                        }
                        if (contentType != null) {
                            request.setContentType(contentType);
                        }
                        String expected = outcome(new DefaultBearerTokenResolver(), request);
                        String actual = outcome(new BearerHeaderResolver(), request);
                        if (!expected.equals(actual)) {
                            differences.add(method + " ?" + query + " [" + header + "] " + contentType + ": expected "
                                    + expected + ", got " + actual);
                        }
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/api/v1/customers/AC1");
        plain.addHeader("Authorization", "Bearer " + TOKEN);
        assertThat(new BearerHeaderResolver().resolve(plain)).isEqualTo(TOKEN);
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException ex) {
            return "error " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
        }
    }
}
