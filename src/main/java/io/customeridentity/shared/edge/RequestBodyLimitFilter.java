package io.customeridentity.shared.edge;

import io.customeridentity.shared.web.RequestBodyRejected;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body larger than its operation accepts before anything parses it: at once from its
 * {@code Content-Length}, or while it is read when it is chunked; and refuses a body that trickles in. Runs before
 * authentication, so an oversized upload is answered 413 without its token being looked at.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final EdgeProperties limits;

    RequestBodyLimitFilter(EdgeProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse closing = new ClosingOnErrorResponse(response);
        long maxBytes = limits.maxBodyBytes(request.getRequestURI());
        if (declared > maxBytes) {
            EdgeProblems.send(closing, RequestBodyRejected.tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), closing);
    }

    /**
     * An error answer to a request with a body says {@code Connection: close}: the body may be left unread (a 401 is
     * answered before it is parsed), and Tomcat then closes the connection rather than read the rest of that body
     * ({@link ProblemErrorReportValve}), so the client must not send its next request on it.
     */
    private static final class ClosingOnErrorResponse extends HttpServletResponseWrapper {

        ClosingOnErrorResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            closeOnError(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            closeOnError(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            closeOnError(status);
            super.sendError(status, message);
        }

        private void closeOnError(int status) {
            if (status >= 400 && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }

    private final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedBodyInputStream(
                        super.getInputStream(),
                        maxBytes,
                        limits.bodyReadTimeout().toNanos(),
                        limits.bodyMinRate().toBytes());
            }
            return body;
        }
    }
}
