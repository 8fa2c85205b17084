package io.customeridentity.shared.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON responses with Boot's configured mapper that carry their length (see the converter) and leave absent values out
 * ({@link WireJson}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * The server's JSON converter, in the place Boot's own takes among the defaults; ordered after Boot's customizer,
     * which sets the plain one. The clients' converters are left alone.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer sizedJsonResponses(JsonMapper jsonMapper) {
        return converters -> converters.withJsonConverter(new SizedJsonHttpMessageConverter(WireJson.of(jsonMapper)));
    }
}
