package io.customeridentity.shared.edge;

import io.customeridentity.shared.web.Problems;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on every response. An error answer with no body, whether Tomcat's own (a malformed request
 * line, an oversized header, {@code Expect: bogus}, {@code CONNECT}, an HTTP version it does not speak) or one that
 * the application left empty, gets a problem detail instead of Tomcat's HTML page or nothing. And an error answered
 * before the request's body was read closes the connection instead of reading the rest of that body, so that a client
 * trickling a body it was never going to be allowed to send cannot hold a worker thread.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
        super.invoke(request, response);
        if (response.getStatus() >= 400 && bodyLeftUnread(request.getCoyoteRequest())) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        response.setErrorReported();
        try {
            response.resetBuffer();
            // What Tomcat answers with a 5xx although the request is at fault: a 4xx, so that no client retries it and
            // no monitor counts it as the server's failure.
            String code = switch (status) {
                case 501 -> "unsupported-method";
                case 505 -> "http-version-not-supported";
                default -> Problems.codeForStatus(status);
            };
            String detail = EdgeProblems.detailOf(status);
            EdgeProblems.send(response, status == 501 || status == 505 ? 400 : status, code, detail);
        } catch (IOException | IllegalStateException ex) {
            // The client is gone or the answer is already on its way: nothing more to say.
        }
    }

    private static boolean bodyLeftUnread(org.apache.coyote.Request request) {
        long length;
        try {
            length = request.getContentLengthLong();
        } catch (NumberFormatException ex) {
            // An unparsable Content-Length (Tomcat has refused the request already): where the body ends is unknown.
            return true;
        }
        if (length > 0) {
            return request.getBytesRead() < length;
        }
        return length < 0 && request.getMimeHeaders().getValue("transfer-encoding") != null;
    }
}
