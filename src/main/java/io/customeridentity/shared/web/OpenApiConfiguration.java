package io.customeridentity.shared.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** The OpenAPI description: its info, and problem-details error responses on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /**
     * What any operation may answer: no or a bad token, a missing scope, an {@code Accept} without JSON (checked before
     * the operation runs), a bug, the database unavailable.
     */
    private static final int[] EVERY_OPERATION = {401, 403, 406, 500, 503};

    /** What the edge may answer to an operation that reads a body: too slow (408), too large (413). */
    private static final int[] WITH_BODY = {408, 413};

    @Bean
    OpenAPI customerIdentityOpenApi() {
        // The bearer scheme and each operation's scope come from the security package (OpenApiSecurity).
        Components components = new Components();
        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(ProblemSchema.class);
        problemSchemas.forEach(components::addSchemas);
        return new OpenAPI()
                .info(new Info()
                        .title("customer-identity")
                        .version("v1")
                        .description("The single source of truth for who a customer is: issues check-digited customer"
                                + " IDs and resolves them. Errors are RFC 9457 problem details.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .addServersItem(new Server().url("/").description("This service"))
                .components(components);
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            TreeSet<Integer> statuses = new TreeSet<>();
            for (int status : EVERY_OPERATION) {
                statuses.add(status);
            }
            if (operation.getRequestBody() != null) {
                for (int status : WITH_BODY) {
                    statuses.add(status);
                }
            }
            ProblemResponses declared = handlerMethod.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    statuses.add(status);
                }
            }
            ApiResponses responses = operation.getResponses();
            for (int status : statuses) {
                responses.addApiResponse(Integer.toString(status), problemResponse(status));
            }
            return operation;
        };
    }

    /** A problem response: its codes from {@link ProblemCatalogue}, each with an example of its own. */
    private static ApiResponse problemResponse(int status) {
        Schema<?> schema = new Schema<>().$ref(PROBLEM_REF);
        MediaType mediaType = new MediaType().schema(schema);
        StringBuilder codes = new StringBuilder();
        for (ProblemCatalogue.Entry entry : ProblemCatalogue.forStatus(status)) {
            mediaType.addExamples(
                    entry.code(),
                    new Example().summary(entry.code() + ": " + entry.when()).value(entry.example()));
            codes.append(codes.isEmpty() ? "" : "; ")
                    .append('`')
                    .append(entry.code())
                    .append("`: ")
                    .append(entry.when());
        }
        String reason = HttpStatus.valueOf(status).getReasonPhrase();
        ApiResponse response = new ApiResponse()
                .description(
                        codes.isEmpty()
                                ? reason + " (problem details)."
                                : reason + " (problem details). `code` is one of: " + codes + ".")
                .content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, mediaType));
        if (status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before retrying.")
                            .schema(new Schema<Integer>().type("integer")));
        }
        return response;
    }
}
