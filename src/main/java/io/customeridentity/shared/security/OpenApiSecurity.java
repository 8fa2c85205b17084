package io.customeridentity.shared.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The security of the OpenAPI description, from the same table that authorises requests: the bearer scheme with every
 * scope (and {@code customers:pii}, which unmasks answers), and on each operation the one scope it needs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String BEARER = "bearerAuth";

    @Bean
    OpenApiCustomizer operationScopes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            String scopes = Stream.concat(
                            OperationScopes.RULES.stream().map(OperationScopes.Rule::scope),
                            Stream.of(OperationScopes.CUSTOMERS_PII))
                    .distinct()
                    .map(scope -> "`" + scope + "`")
                    .collect(Collectors.joining(", "));
            openApi.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("JWT bearer token. Scopes come from its `scope` claim: " + scopes
                                            + ". Each operation names the one it needs; `"
                                            + OperationScopes.CUSTOMERS_PII + "` grants none but shows personal "
                                            + "data unmasked. Without it the answers carrying a profile are masked "
                                            + "(`masked: true`: `email` and `phone` masked, `address` only `city`, "
                                            + "`region` and `country`, no `attributes`; see `CustomerResponse`) and "
                                            + "the versions list has no change reasons (`masked: true`). The token "
                                            + "must also carry `sub` and `exp`, and the configured `iss` and `aud`."));
            openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> operation :
                        item.readOperationsMap().entrySet()) {
                    OperationScopes.scopeOf(
                                    HttpMethod.valueOf(operation.getKey().name()), path)
                            .ifPresent(scope -> operation
                                    .getValue()
                                    .setSecurity(List.of(new SecurityRequirement().addList(BEARER, scope))));
                }
            });
        };
    }
}
