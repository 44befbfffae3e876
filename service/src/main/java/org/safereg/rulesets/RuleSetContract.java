package org.safereg.rulesets;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the contract says of the rule-set API beyond what springdoc reads from the controller. A file of a version
 * is addressed by its folder and name as two path segments: one path parameter holding "decision-tables/x.xlsx"
 * is sent by generated clients with its slash encoded, which the servlet container refuses before any handler
 * runs. And the problem details of a refused or rejected upload are typed with the problems they locate.
 */
final class RuleSetContract implements OpenApiCustomizer {

    static final String PROBLEM = "RuleSetProblem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() != null) {
            splitFilePath(api, "/api/v1/rule-sets/{version}/files/{path}");
            splitFilePath(api, "/api/v1/rule-sets/{version}/drl/{path}");
        }
    }

    /** The same handler serves {@code .../{folder}/{name}}; only the documented path is split. */
    private static void splitFilePath(OpenAPI api, String documented) {
        PathItem item = api.getPaths().remove(documented);
        if (item == null) {
            return;
        }
        item.readOperations().forEach(operation -> {
            List<Parameter> parameters = new ArrayList<>();
            for (Parameter parameter : operation.getParameters()) {
                if (!"path".equals(parameter.getIn()) || !"path".equals(parameter.getName())) {
                    parameters.add(parameter);
                    continue;
                }
                parameters.add(new PathParameter()
                        .name("folder")
                        .description("decision-tables (workbooks) or rules (DRL files)")
                        .schema(new StringSchema().example("decision-tables")));
                parameters.add(new PathParameter()
                        .name("name")
                        .description("the file's name in its folder")
                        .schema(new StringSchema().example("credit-scoring.xlsx")));
            }
            operation.setParameters(parameters);
        });
        api.getPaths().addPathItem(documented.replace("{path}", "{folder}/{name}"), item);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema located = new ObjectSchema();
        located.addProperty(
                "version",
                new StringSchema()
                        .description(
                                "the rejected version, stored as REJECTED (urn:safereg:problem:rule-set-rejected)"));
        located.addProperty(
                "problems",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/ProblemView"))
                        .description("every problem, located in its workbook (sheet, row, column, cell text) or DRL"
                                + " file (line), in English and Chinese"));
        ComposedSchema problem = new ComposedSchema();
        problem.description("The problem details of a refused (urn:safereg:problem:rule-file-refused) or rejected"
                + " (urn:safereg:problem:rule-set-rejected) upload");
        problem.addAllOfItem(new Schema<>().$ref("#/components/schemas/Problem"));
        problem.addAllOfItem(located);
        return problem;
    }
}
