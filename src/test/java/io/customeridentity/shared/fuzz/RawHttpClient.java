package io.customeridentity.shared.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a fresh socket per request, bytes exactly as given (no client library would send invalid UTF-8, a
 * duplicated Content-Type or CONNECT to a path); the server's answer is read to the end of the connection.
 */
final class RawHttpClient {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final int port;

    RawHttpClient(int port) {
        this.port = port;
    }

    FuzzAnswer send(FuzzRequest request) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        // ISO-8859-1: a target character from U+0080 to U+00FF goes out as that single raw byte (invalid UTF-8).
        head.writeBytes(
                (request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        write(head, "Host: 127.0.0.1:" + port + "\r\n");
        for (Map.Entry<String, byte[]> header : request.headers()) {
            write(head, header.getKey() + ": ");
            head.writeBytes(header.getValue());
            write(head, "\r\n");
        }
        if (request.body() != null
                && request.headers().stream()
                        .noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Length")
                                || h.getKey().equalsIgnoreCase("Transfer-Encoding"))) {
            write(head, "Content-Length: " + request.body().length + "\r\n");
        }
        write(head, "Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server may answer (413) and close before the whole body is sent: read its answer below
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException ex) {
            return new FuzzAnswer(FuzzAnswer.NONE, Map.of(), ex.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException resetAfterAnswer) {
            if (answer.size() == 0) {
                throw resetAfterAnswer;
            }
        }
        return answer.toByteArray();
    }

    static FuzzAnswer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new FuzzAnswer(FuzzAnswer.NONE, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("[0-9]{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new FuzzAnswer(status, headers, body);
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException ex) {
                break;
            }
            at += lineEnd + 2;
            if (size == 0 || at + size > chunked.length) {
                break;
            }
            body.write(chunked, at, size);
            at += size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
