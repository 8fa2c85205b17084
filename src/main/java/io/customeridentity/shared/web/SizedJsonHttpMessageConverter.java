package io.customeridentity.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.FastByteArrayOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON bodies with a {@code Content-Length}. Spring's converter streams the body and flushes it, which commits
 * the response before its length is known, so Tomcat sends it chunked: the body, then a terminating chunk, two writes
 * to the socket and often two packets for one small answer. Serialising into a buffer first costs a copy of a few
 * hundred bytes and saves the second write on every JSON response.
 */
final class SizedJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    SizedJsonHttpMessageConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(
            Object object, ResolvableType type, HttpOutputMessage message, Map<String, Object> hints)
            throws IOException {
        if (message instanceof StreamingHttpOutputMessage) {
            super.writeInternal(object, type, message, hints);
            return;
        }
        FastByteArrayOutputStream body = new FastByteArrayOutputStream(1024);
        super.writeInternal(object, type, new Buffered(message.getHeaders(), body), hints);
        message.getHeaders().setContentLength(body.size());
        body.writeTo(message.getBody());
    }

    /** The real message's headers, with a body that only fills the buffer. */
    private record Buffered(HttpHeaders headers, OutputStream body) implements HttpOutputMessage {

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getBody() {
            return body;
        }
    }
}
