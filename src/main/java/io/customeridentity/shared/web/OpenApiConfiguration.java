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
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
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
     * the operation runs), the caller over its rate limit, a bug, the database unavailable.
     */
    private static final int[] EVERY_OPERATION = {401, 403, 406, 429, 500, 503};

    /** What the edge may answer to an operation that reads a body: too slow (408), too large (413). */
    private static final int[] WITH_BODY = {408, 413};

    /** An entity tag of this service: the version, quoted. */
    static final Schema<String> ETAG = string().pattern("^\"[1-9][0-9]*\"$");

    /** A string schema, for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
    static Schema<String> string() {
        return new Schema<String>().type("string").types(Set.of("string"));
    }

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

    /**
     * Every {@code attributes} map of the API follows one rule (customers and interactions alike, see the validators):
     * at most 50 entries, keys {@code [a-z0-9_.-]{1,64}}, values strings of at most 1,000 characters. A map whose
     * values may be {@code null} (the merge patch's, where null removes an entry) keeps that.
     */
    @Bean
    OpenApiCustomizer attributeMaps() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(schema -> {
                Map<String, Schema> properties = schema.getProperties();
                Schema<?> attributes = properties == null ? null : properties.get("attributes");
                if (attributes != null && attributes.getAdditionalProperties() != null) {
                    Schema<String> values = string().maxLength(1000);
                    if (attributes.getAdditionalProperties() instanceof Schema<?> existing
                            && existing.getTypes() != null
                            && existing.getTypes().contains("null")) {
                        values.types(new java.util.LinkedHashSet<>(java.util.List.of("string", "null")));
                    }
                    attributes
                            .maxProperties(50)
                            .propertyNames(string().pattern("^[a-z0-9_.-]{1,64}$"))
                            .additionalProperties(values);
                }
            });
        };
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
            responses.forEach(OpenApiConfiguration::completeHeaders);
            operation.addParametersItem(new HeaderParameter()
                    .name(RequestIdFilter.HEADER)
                    .description("Your id of the request, to correlate logs and problem details; used when it is 1 to"
                            + " 64 of A-Z a-z 0-9 . _ : -, else the service gives the request a new one.")
                    .schema(string().maxLength(64)));
            return operation;
        };
    }

    /**
     * What the wire shows on every answer: {@code X-Request-Id} on each, the bearer challenge on 401 and 403, no body
     * on 204 and 304, and on 304 the {@code ETag} it confirms.
     */
    private static void completeHeaders(String status, ApiResponse response) {
        response.addHeaderObject(
                RequestIdFilter.HEADER,
                new Header()
                        .description(
                                "The id of the request (yours when it was sane); also in problem details and logs.")
                        .required(true)
                        .schema(string()));
        if (status.equals("401") || status.equals("403")) {
            response.addHeaderObject(
                    "WWW-Authenticate",
                    new Header()
                            .description("The bearer challenge (RFC 6750), e.g. `Bearer error=\"invalid_token\"` or "
                                    + "`Bearer error=\"insufficient_scope\"`.")
                            .required(true)
                            .schema(string().pattern("^Bearer")));
        }
        if (status.equals("204") || status.equals("304")) {
            response.setContent(null);
        }
        if (response.getHeaders() != null && response.getHeaders().containsKey("ETag")) {
            response.getHeaders().get("ETag").schema(ETAG);
        }
        if (status.equals("304")) {
            response.addHeaderObject(
                    "ETag",
                    new Header()
                            .description("The version shown, quoted: the one If-None-Match named.")
                            .required(true)
                            .schema(ETAG));
        }
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
        if (status == 429) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds until the budget has room for this request again.")
                            .required(true)
                            .schema(new Schema<Integer>().type("integer").types(Set.of("integer"))));
            response.addHeaderObject(
                    "RateLimit-Policy",
                    new Header()
                            .description("The budget the caller is over (IETF RateLimit header fields): its name,"
                                    + " `q` requests at most in a burst, refilled over `w` seconds, e.g."
                                    + " `\"lookup\";q=50;w=5`.")
                            .required(true)
                            .schema(string().pattern("^\"(general|lookup)\";q=[0-9]+;w=[0-9]+$")));
            response.addHeaderObject(
                    "RateLimit",
                    new Header()
                            .description("What is left of that budget: `r` requests now, `t` seconds until the next"
                                    + " one, e.g. `\"lookup\";r=0;t=1`.")
                            .required(true)
                            .schema(string().pattern("^\"(general|lookup)\";r=[0-9]+;t=[0-9]+$")));
        }
        if (status == 503) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before retrying.")
                            .required(true)
                            .schema(new Schema<Integer>().type("integer").types(Set.of("integer"))));
        }
        return response;
    }
}
