package io.customeridentity.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Content negotiation before any side effect: an API request whose {@code Accept} admits neither JSON nor problem
 * JSON is answered 406 before its handler runs, so a registration refused for its {@code Accept} header never leaves
 * a customer behind. The API speaks JSON only.
 */
@Configuration(proxyBeanMethods = false)
class AcceptBeforeHandling implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> OFFERED =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException ex) {
            throw new HttpMediaTypeNotAcceptableException(OFFERED);
        }
        for (MediaType wanted : acceptable) {
            if (wanted.getQualityValue() > 0 && OFFERED.stream().anyMatch(wanted::isCompatibleWith)) {
                return true;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(OFFERED);
    }
}
