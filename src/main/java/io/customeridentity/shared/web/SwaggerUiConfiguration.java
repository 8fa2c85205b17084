package io.customeridentity.shared.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description as Swagger UI shows it to a support agent: optional parameters are not pre-filled (an example
 * {@code asOf} would turn the first look-up of any newer customer into a 404), and tags come in the order of the work,
 * customers first.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiConfiguration {

    /** Tags in the order of the work; any other tag follows them. */
    static final List<String> TAG_ORDER = List.of(
            "Customers",
            "Customer IDs",
            "Customer versions",
            "Interactions",
            "Accounts",
            "External references",
            "Resolution",
            "Merges");

    /** Swagger UI's "Try it out" fills every parameter from its example: optional ones keep theirs in the text. */
    @Bean
    OpenApiCustomizer optionalParametersNotPrefilled() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::withoutOptionalExamples));
        };
    }

    private void withoutOptionalExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (Boolean.TRUE.equals(parameter.getRequired()) || parameter.getExample() == null) {
                continue;
            }
            String description = parameter.getDescription() == null ? "" : parameter.getDescription() + " ";
            parameter.setDescription(description + "For example `" + parameter.getExample() + "`.");
            parameter.setExample(null);
            parameter.setExamples(null);
        }
    }

    /** The top-level tags in {@link #TAG_ORDER}; Swagger UI shows them in this order. */
    @Bean
    OpenApiCustomizer tagsInTaskOrder() {
        return openApi -> {
            List<Tag> tags = new ArrayList<>();
            if (openApi.getTags() != null) {
                tags.addAll(openApi.getTags());
            }
            tags.sort(Comparator.comparingInt(SwaggerUiConfiguration::position));
            openApi.setTags(tags);
        };
    }

    private static int position(Tag tag) {
        int position = TAG_ORDER.indexOf(tag.getName());
        return position < 0 ? TAG_ORDER.size() : position;
    }
}
