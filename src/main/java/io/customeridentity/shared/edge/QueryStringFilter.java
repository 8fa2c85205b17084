package io.customeridentity.shared.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a query string that is not percent-encoded UTF-8 (a {@code %} without two hex digits, or bytes that
 * are no UTF-8), on every path, before anything decodes it: Tomcat would otherwise fail in the middle of the request
 * with an exception that quotes the parameter.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryStringFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryStringFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isDecodable(query)) {
            log.info("Refused a query string that is not percent-encoded UTF-8");
            EdgeProblems.send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "invalid-parameter",
                    "The query string is not valid percent-encoded UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isDecodable(String query) {
        if (query.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }
}
