package org.safereg.inspection;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The problem details of a plan that cannot be made, typed with what they carry: the mandatory items, the
 * inspectors' capacity and each uncovered item ({@link InspectionProblems}).
 */
final class InspectionContract implements OpenApiCustomizer {

    static final String PROBLEM = "InfeasiblePlanProblem";

    @Override
    public void customise(OpenAPI api) {
        ObjectSchema uncovered = new ObjectSchema();
        for (String field : new String[] {"enterprise", "name", "region", "dueFrom", "dueTo", "reason"}) {
            uncovered.addProperty(field, new StringSchema());
        }
        ObjectSchema carried = new ObjectSchema();
        carried.addProperty("mandatory", new IntegerSchema().description("mandatory inspections in the period"));
        carried.addProperty("capacity", new IntegerSchema().description("what the inspectors can make in it"));
        carried.addProperty(
                "uncovered", new ArraySchema().items(uncovered).description("each item no inspector can take"));
        ComposedSchema problem = new ComposedSchema();
        problem.description("The problem details of an infeasible plan (urn:safereg:problem:infeasible-plan)");
        problem.addAllOfItem(new Schema<>().$ref("#/components/schemas/Problem"));
        problem.addAllOfItem(carried);
        api.getComponents().addSchemas(PROBLEM, problem);
    }
}
