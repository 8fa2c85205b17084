package io.customeridentity.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwaggerUiConfigurationTests {

    private final SwaggerUiConfiguration configuration = new SwaggerUiConfiguration();

    @Test
    void optionalParametersKeepTheirExampleInTheTextOnly() {
        Parameter asOf = new Parameter()
                .name("asOf")
                .required(false)
                .description("Show the version in force then.")
                .example("2026-11-23T12:00:00Z");
        Parameter id = new Parameter().name("id").required(true).example("AC-1234-5678-900");
        OpenAPI openApi = new OpenAPI()
                .paths(new Paths()
                        .addPathItem(
                                "/customers/{id}",
                                new PathItem()
                                        .get(new Operation()
                                                .addParametersItem(id)
                                                .addParametersItem(asOf))));

        configuration.optionalParametersNotPrefilled().customise(openApi);

        assertThat(asOf.getExample()).isNull();
        assertThat(asOf.getDescription())
                .isEqualTo("Show the version in force then. For example `2026-11-23T12:00:00Z`.");
        assertThat(id.getExample()).isEqualTo("AC-1234-5678-900");
    }

    @Test
    void ordersTagsByTaskWithCustomersFirst() {
        OpenAPI openApi = new OpenAPI()
                .tags(List.of(
                        new Tag().name("Accounts"),
                        new Tag().name("Unplanned"),
                        new Tag().name("Customer IDs"),
                        new Tag().name("Customers"),
                        new Tag().name("Merges")));

        configuration.tagsInTaskOrder().customise(openApi);

        assertThat(openApi.getTags())
                .extracting(Tag::getName)
                .containsExactly("Customers", "Customer IDs", "Accounts", "Merges", "Unplanned");
    }
}
