package io.customeridentity.support.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every response the integration tests receive from the application, kept for the contract check that runs last
 * ({@code WireContractIntegrationTests}): the Spring test clients record through {@link #interceptor()}, the plain
 * JDK client of {@code Http} through {@link #record(HttpResponse)}.
 */
public final class WireRecorder {

    private static final ConcurrentLinkedQueue<RecordedExchange> EXCHANGES = new ConcurrentLinkedQueue<>();

    private WireRecorder() {}

    /** What the tests have received so far, in order. */
    public static List<RecordedExchange> exchanges() {
        return List.copyOf(EXCHANGES);
    }

    /** Records the exchanges of a Spring client (RestTestClient, RestClient); the body stays readable. */
    public static ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            ClientHttpResponse response = execution.execute(request, body);
            byte[] content;
            try (InputStream in = response.getBody()) {
                content = in.readAllBytes();
            }
            add(
                    request.getMethod().name(),
                    request.getURI(),
                    response.getStatusCode().value(),
                    headers(response),
                    content);
            return new Buffered(response, content);
        };
    }

    /** Records an exchange of the JDK client and answers the response unchanged. */
    public static <T> HttpResponse<T> record(HttpResponse<T> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Object body = response.body();
        byte[] content = null;
        if (body == null) {
            content = new byte[0];
        } else if (body instanceof byte[] bytes) {
            content = bytes;
        } else if (body instanceof String text) {
            content = text.getBytes(StandardCharsets.UTF_8);
        }
        if (content != null) {
            add(response.request().method(), response.request().uri(), response.statusCode(), headers, content);
        }
        return response;
    }

    private static void add(String method, URI uri, int status, Map<String, List<String>> headers, byte[] body) {
        EXCHANGES.add(new RecordedExchange(method, uri.getRawPath(), status, headers, body, origin()));
    }

    private static Map<String, List<String>> headers(ClientHttpResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return headers;
    }

    /** The test class that made the request, for the report: the innermost caller named like a test class. */
    private static String origin() {
        return StackWalker.getInstance()
                .walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                        .filter(name -> name.endsWith("Tests") || name.contains("Tests$"))
                        .map(name -> name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", ""))
                        .findFirst())
                .orElse("(unknown test)");
    }

    /** One response as received: what the request addressed and what came back. */
    public record RecordedExchange(
            String method, String rawPath, int status, Map<String, List<String>> headers, byte[] body, String origin) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + rawPath + " -> " + status + " (" + origin + ")";
        }
    }

    /** The response with its body read once and kept, so the test still reads it. */
    private static final class Buffered implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final byte[] body;

        Buffered(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
