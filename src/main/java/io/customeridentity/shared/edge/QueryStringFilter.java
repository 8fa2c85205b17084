package io.customeridentity.shared.edge;

import io.customeridentity.shared.StorableInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a query string that is not percent-encoded UTF-8 (a {@code %} without two hex digits, or bytes that
 * are no UTF-8), on every path, before anything decodes it: Tomcat would otherwise fail in the middle of the request
 * with an exception that quotes the parameter. A parameter holding text the database cannot store
 * ({@link StorableInput}) is refused here too, naming the parameter.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryStringFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryStringFilter.class);

    /** A parameter name that may be repeated in an answer: one of ours, not arbitrary input. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

    /** The detail of the answer to a query string that is not percent-encoded UTF-8. */
    static final String UNDECODABLE = "The query string is not valid percent-encoded UTF-8.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String refusal = query == null ? null : refusalOf(query);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (refusal.equals(UNDECODABLE)) {
            log.info("Refused a query string that is not percent-encoded UTF-8");
        }
        EdgeProblems.send(response, HttpServletResponse.SC_BAD_REQUEST, "invalid-parameter", refusal);
    }

    /**
     * Null when every parameter decodes to storable text; else why the query string is refused ({@link #UNDECODABLE},
     * or the first parameter whose text cannot be stored, by name when it is a plain name).
     */
    static String refusalOf(String query) {
        if (query.indexOf('%') < 0 && StorableInput.isStorable(query)) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || value == null) {
                return UNDECODABLE;
            }
            if (!StorableInput.isStorable(name) || !StorableInput.isStorable(value)) {
                String parameter = NAME.matcher(name).matches() ? "'" + name + "'" : "of the query string";
                return "The parameter " + parameter + " is refused: " + StorableInput.TEXT_RULE;
            }
        }
        return null;
    }

    /** The decoded text, or null when it is not percent-encoded UTF-8. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                return null;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }
}
