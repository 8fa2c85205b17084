package io.customeridentity.events.web;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event's {@code data} is held as the JSON text the outbox stored and sent as it is ({@code @JsonRawValue}); the
 * description must say what is on the wire, one of the payload objects, not the Java field's string type.
 */
@Configuration(proxyBeanMethods = false)
class EventDataSchema {

    @Bean
    OpenApiCustomizer eventDataIsAnObject() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> event = openApi.getComponents().getSchemas().get("CloudEvent");
            Schema<?> data = event == null || event.getProperties() == null
                    ? null
                    : event.getProperties().get("data");
            if (data != null) {
                data.setType(null);
                data.setTypes(null);
            }
        };
    }
}
