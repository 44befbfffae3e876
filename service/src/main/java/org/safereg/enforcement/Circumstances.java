package org.safereg.enforcement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A violation of the Work Safety Law (2021) as the inspector found it, and the circumstances the discretion
 * benchmark weighs. Which articles and items exist, and which circumstances each needs, is the model's to say: an
 * article it does not know, or a circumstance it misses, is refused with its own problem.
 *
 * @param article the article broken: 97, 99, 101, 102, 112 or 114 in the shipped model
 * @param item its item (项), for articles with items (97: 1–7, 99: 1–8, 101: 1–5)
 * @param history FIRST, or REPEAT_12M: the same violation again within 12 months
 * @param correction ON_THE_SPOT, BY_DEADLINE (ordered to correct, deadline not passed), OVERDUE or REFUSED
 * @param mitigating codes of mitigating circumstances (从轻情节)
 * @param aggravating codes of aggravating circumstances (从重情节)
 * @param accidentGrade for Art. 114: GENERAL, LARGE, MAJOR or ESPECIALLY_MAJOR
 * @param especiallySerious for Art. 114: especially serious circumstances, especially bad influence
 * @param originalFine for Art. 112: the fine originally imposed, in yuan
 */
@Schema(name = "EnforcementCircumstances")
public record Circumstances(
        @Min(1) @Max(999) Integer article,
        @Min(1) @Max(99) Integer item,
        @Size(max = 16) String history,
        @Size(max = 16) String correction,
        @Size(max = 10) List<@Size(max = 32) String> mitigating,
        @Size(max = 10) List<@Size(max = 32) String> aggravating,
        @Size(max = 24) String accidentGrade,
        Boolean especiallySerious,
        @DecimalMin("0") @DecimalMax("100000000") BigDecimal originalFine) {

    static final List<String> HISTORIES = List.of("FIRST", "REPEAT_12M");
    static final List<String> CORRECTIONS = List.of("ON_THE_SPOT", "BY_DEADLINE", "OVERDUE", "REFUSED");
    static final List<String> MITIGATING = List.of("ELIMINATED_HARM", "COERCED", "CONFESSED", "MERITORIOUS");
    static final List<String> AGGRAVATING = List.of("OBSTRUCTION", "EVIDENCE_DESTROYED", "RETALIATION");
    static final List<String> ACCIDENT_GRADES = List.of("GENERAL", "LARGE", "MAJOR", "ESPECIALLY_MAJOR");

    public Circumstances {
        mitigating = mitigating == null ? List.of() : List.copyOf(mitigating);
        aggravating = aggravating == null ? List.of() : List.copyOf(aggravating);
    }

    /** As the violations register names an article, e.g. WSL-97. */
    public String lawArticle() {
        return article == null ? null : "WSL-" + article;
    }
}
