package org.safereg.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Says in the contract what the service answers when a call fails: RFC 9457 problem details
 * ({@code application/problem+json}) with their stable {@code type} URIs, on the statuses each kind of call can
 * give. A status an operation already declares is left as it is.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        api.getComponents().addSchemas("ProblemInputError", inputErrorSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            boolean onOne = path.contains("{");
            item.readOperationsMap().forEach((method, operation) -> declare(method, operation, onOne));
        });
    }

    private static void declare(PathItem.HttpMethod method, Operation operation, boolean onOne) {
        ApiResponses responses = operation.getResponses();
        add(responses, "400", "The input is invalid: `errors` names each field or parameter and what is wrong");
        add(responses, "401", "No valid bearer token");
        add(responses, "403", "The token's roles (or its enterprise) do not allow this call");
        if (onOne) {
            add(responses, "404", "No such resource");
        }
        if (method == PathItem.HttpMethod.POST) {
            add(responses, "409", "The resource is not in a state that allows this, or changed meanwhile");
            add(responses, "413", "The body is larger than the service accepts");
            add(responses, "415", "The body is not application/json (or multipart/form-data for uploads)");
        }
        add(responses, "503", "A store (MySQL or Redis) is unavailable; retry after the Retry-After seconds");
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                        new MediaType().schema(new Schema<>().$ref(REF)))));
    }

    private static Schema<?> problemSchema() {
        StringSchema type = new StringSchema();
        type.format("uri");
        type.description("what went wrong, stable across versions: "
                + String.join(
                        ", ",
                        Arrays.stream(ProblemType.values())
                                .map(t -> t.uri().toString())
                                .toList())
                + ", urn:safereg:problem:rule-set-rejected, urn:safereg:problem:rule-file-refused,"
                + " urn:safereg:problem:infeasible-plan, urn:safereg:problem:policy-gap, or"
                + " urn:safereg:problem:http-<status> for another HTTP status");
        type.example(ProblemType.INVALID_INPUT.uri().toString());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details; further properties depend on the type");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", type);
        properties.put("title", new StringSchema().description("short summary of the type, in the caller's language"));
        properties.put("status", new IntegerSchema().description("the HTTP status"));
        properties.put(
                "detail",
                new StringSchema().description("what happened here, for a person to act on, in the caller's language"));
        properties.put("instance", new StringSchema().format("uri-reference").description("the request path"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/ProblemInputError"))
                        .description("for invalid input: each field or parameter and what is wrong with it"));
        properties.put(
                "traceId",
                new StringSchema().description("the request's trace id, as in the X-Trace-Id header and the logs"));
        properties.put(
                "incident", new StringSchema().description("for an internal error: the number the logs name it by"));
        problem.properties(properties);
        problem.addRequiredItem("type");
        problem.addRequiredItem("title");
        problem.addRequiredItem("status");
        return problem;
    }

    private static Schema<?> inputErrorSchema() {
        ObjectSchema error = new ObjectSchema();
        error.properties(Map.of(
                "field", new StringSchema().description("JSON path of the body field, when the body is at fault"),
                "parameter", new StringSchema().description("the query or path parameter, when one is at fault"),
                "message", new StringSchema()));
        error.addRequiredItem("message");
        return error;
    }
}
