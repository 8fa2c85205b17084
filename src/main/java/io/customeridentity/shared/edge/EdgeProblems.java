package io.customeridentity.shared.edge;

import io.customeridentity.shared.web.Problems;
import io.customeridentity.shared.web.RequestBodyRejected;
import io.customeridentity.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem detail where Spring MVC and its JSON mapper are out of reach (in a filter, or in Tomcat's own
 * error answers): the same fields as {@link Problems}, from texts of the service only, never from the request.
 */
final class EdgeProblems {

    private EdgeProblems() {}

    static void send(HttpServletResponse response, RequestBodyRejected rejected) throws IOException {
        send(response, rejected.status().value(), rejected.code(), rejected.getMessage());
    }

    static void send(HttpServletResponse response, int status, String code, String detail) throws IOException {
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        byte[] body = ("{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + json(Problems.titleOf(code))
                        + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                        + Problems.instanceOf(requestId) + "\",\"code\":\"" + code + "\",\"requestId\":\"" + requestId
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The detail for a status Tomcat answered by itself. */
    static String detailOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "The request could not be served." : known.getReasonPhrase() + ".";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
