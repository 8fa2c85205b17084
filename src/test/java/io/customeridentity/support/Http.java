package io.customeridentity.support;

import io.customeridentity.support.wire.WireRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP to the running test server, for what the Spring test clients smooth over: any method (HEAD, OPTIONS,
 * PUT), exact headers, and raw bytes on a socket for requests no client library would send. Its responses are
 * recorded for the contract check; raw exchanges are not (they are deliberately malformed).
 */
public final class Http {

    private final int port;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Http(int port) {
        this.port = port;
    }

    /** Sends {@code method} to {@code path} with an optional bearer token and JSON body. */
    public HttpResponse<String> send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    /** A bodiless request to an exact URI (not normalised), with an optional bearer token. */
    public HttpRequest request(String method, URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return WireRecorder.record(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Writes {@code request} as it is to a new connection and answers everything the server sends back. */
    public String raw(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int port() {
        return port;
    }
}
