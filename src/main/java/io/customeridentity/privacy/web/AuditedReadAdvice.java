package io.customeridentity.privacy.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.privacy.AuditTrail;
import io.customeridentity.privacy.AuditUnavailable;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ReturnsCustomers;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The one hook that audits reads: for an operation marked {@link AuditedRead}, records its answer just before the
 * body is written, so an answer never leaves unaudited (a full audit queue turns it into 503 audit-unavailable). The
 * customers are the path's {@code {id}}, or those a {@link ReturnsCustomers} body names (a {@code .miss} when none);
 * the disclosed fields come only from {@link DisclosesPersonalData}. Answers without a body (304) show nothing and
 * are not recorded; neither are errors, which the handler's method does not answer.
 */
@RestControllerAdvice
class AuditedReadAdvice implements ResponseBodyAdvice<Object> {

    private final AuditTrail audit;
    private final ObjectProvider<CustomerIdScheme> scheme;

    AuditedReadAdvice(AuditTrail audit, ObjectProvider<CustomerIdScheme> scheme) {
        this.audit = audit;
        this.scheme = scheme;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.hasMethodAnnotation(AuditedRead.class);
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null) {
            return null;
        }
        try {
            record(body, returnType.getMethodAnnotation(AuditedRead.class).value(), request, response);
        } catch (AuditUnavailable ex) {
            // The answer becomes a 503 problem: it must not carry the validators of the data it does not show.
            response.getHeaders().remove(HttpHeaders.ETAG);
            if (response instanceof ServletServerHttpResponse servlet) {
                servlet.getServletResponse().setHeader(HttpHeaders.ETAG, null);
            }
            throw ex;
        }
        return body;
    }

    private void record(Object body, String action, ServerHttpRequest request, ServerHttpResponse response) {
        int status = response instanceof ServletServerHttpResponse servlet
                ? servlet.getServletResponse().getStatus()
                : 200;
        List<String> disclosed = body instanceof DisclosesPersonalData personal ? personal.disclosed() : List.of();
        if (body instanceof ReturnsCustomers lookup) {
            List<CustomerId> returned = lookup.returnedCustomers();
            if (returned.isEmpty()) {
                audit.recordRead(action + ".miss", List.of(), status, List.of());
            } else {
                audit.recordRead(action, returned, status, disclosed);
            }
        } else {
            CustomerId customer = pathCustomer(request);
            audit.recordRead(action, customer == null ? List.of() : List.of(customer), status, disclosed);
        }
    }

    /** The {@code {id}} of the path, which the handler has already read (leniently) as a customer ID. */
    private CustomerId pathCustomer(ServerHttpRequest request) {
        if (!(request instanceof ServletServerHttpRequest servlet)
                || !(servlet.getServletRequest().getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                        instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id)) {
            return null;
        }
        try {
            return scheme.getObject().parse(id);
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
