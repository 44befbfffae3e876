package org.safereg.rulesets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.safereg.engine.CellText;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;

/**
 * The tests a version must pass before it can be activated: the cases policy staff write in a workbook's
 * {@code Examples} sheet, and the repository's own regression cases ({@code regression-cases.json} beside
 * this class), each decided by the feature that owns the workbook on the version's compiled rules.
 *
 * <p>An Examples sheet has a row with {@code NAME} in a cell; the cells to its right say {@code INPUT <name>}
 * or {@code EXPECT <outcome>}; the next row holds the labels people read; every row after it, up to the
 * first empty one, is a case. A blank input takes its default; a blank expectation is not checked.
 */
final class Examples {

    private static final String REGRESSION_CASES = "regression-cases.json";

    private final Map<String, WorkbookExamples> byWorkbook = new LinkedHashMap<>();
    private final List<RegressionCase> regression;
    private final ModelExamples models;

    record RegressionCase(String workbook, String name, Map<String, String> inputs, Map<String, String> expected) {}

    /** The cases of a version and the problems of example rows that cannot be read. */
    @Schema(name = "ExamplesRun")
    record Run(List<ExampleCase> cases, List<ProblemView> problems) {

        long failed() {
            return cases.stream().filter(c -> !c.passed()).count();
        }
    }

    /** The counts a version view shows. */
    @Schema(name = "ExamplesSummary")
    record Summary(long passed, long failed) {}

    Examples(List<WorkbookExamples> runners, ObjectMapper json) {
        runners.forEach(r -> byWorkbook.put(r.workbook(), r));
        this.models = new ModelExamples(json);
        try (InputStream in = Examples.class.getResourceAsStream(REGRESSION_CASES)) {
            regression = in == null
                    ? List.of()
                    : List.copyOf(json.readValue(in, new TypeReference<List<RegressionCase>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + REGRESSION_CASES, e);
        }
    }

    static Summary summary(List<ExampleCase> cases) {
        long failed = cases.stream().filter(c -> !c.passed()).count();
        return new Summary(cases.size() - failed, failed);
    }

    Run run(List<RuleFile> files, RuleSetSnapshot rules) {
        List<ExampleCase> cases = new ArrayList<>();
        List<ProblemView> problems = new ArrayList<>();
        for (RuleFile file : files) {
            WorkbookExamples runner = byWorkbook.get(file.path());
            if (runner != null && file.isDecisionTable()) {
                readSheet(file, runner, rules, cases, problems);
            }
        }
        for (RegressionCase regressionCase : regression) {
            WorkbookExamples runner = byWorkbook.get(regressionCase.workbook());
            if (runner != null) {
                cases.add(regression(regressionCase, runner, rules));
            }
        }
        models.run(files, rules, cases, problems);
        return new Run(List.copyOf(cases), List.copyOf(problems));
    }

    private static ExampleCase regression(
            RegressionCase regressionCase, WorkbookExamples runner, RuleSetSnapshot rules) {
        Given given = new Given(
                "REGRESSION",
                regressionCase.workbook(),
                null,
                null,
                regressionCase.name(),
                regressionCase.inputs(),
                regressionCase.expected());
        try {
            return decide(given, runner, rules);
        } catch (WorkbookExamples.ExampleInputException e) {
            return given.undecided(e.getMessage(), e.messageZh());
        }
    }

    private void readSheet(
            RuleFile file,
            WorkbookExamples runner,
            RuleSetSnapshot rules,
            List<ExampleCase> cases,
            List<ProblemView> problems) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName().trim().toLowerCase(Locale.ROOT);
                if (name.startsWith("examples") || name.startsWith("示例")) {
                    readCases(file, sheet, runner, rules, cases, problems);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable workbook is already a compile problem of the version
        }
    }

    private void readCases(
            RuleFile file,
            Sheet sheet,
            WorkbookExamples runner,
            RuleSetSnapshot rules,
            List<ExampleCase> cases,
            List<ProblemView> problems) {
        int header = -1;
        int nameColumn = -1;
        for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                if (CellText.of(cell).equalsIgnoreCase("NAME")) {
                    header = r;
                    nameColumn = cell.getColumnIndex();
                    break;
                }
            }
        }
        if (header < 0) {
            problems.add(problem(
                    file,
                    sheet,
                    null,
                    null,
                    null,
                    "the examples sheet has no header row: a cell NAME, with INPUT <name> and EXPECT <outcome> to its"
                            + " right, must head the cases",
                    "示例工作表缺少表头行：需要一个 NAME 单元格，其右侧为 INPUT <名称> 与 EXPECT <结果> 列"));
            return;
        }
        Map<Integer, String> inputs = new LinkedHashMap<>();
        Map<Integer, String> expects = new LinkedHashMap<>();
        Row keys = sheet.getRow(header);
        boolean headerProblem = false;
        for (int c = nameColumn + 1; c < keys.getLastCellNum(); c++) {
            String key = CellText.of(keys.getCell(c));
            if (key.isEmpty()) {
                break;
            }
            String[] parts = key.split("\\s+", 2);
            String kind = parts[0].toUpperCase(Locale.ROOT);
            String what = parts.length > 1 ? parts[1].trim() : "";
            if (kind.equals("INPUT") && runner.inputs().contains(what)) {
                inputs.put(c, what);
            } else if (kind.equals("EXPECT") && runner.outcomes().contains(what)) {
                expects.put(c, what);
            } else {
                headerProblem = true;
                problems.add(problem(
                        file,
                        sheet,
                        header + 1,
                        c,
                        key,
                        "unknown example column: say INPUT followed by one of " + String.join(", ", runner.inputs())
                                + ", or EXPECT followed by one of " + String.join(", ", runner.outcomes()),
                        "未知的示例列：应为 INPUT 加 " + String.join("、", runner.inputs()) + " 之一，或 EXPECT 加 "
                                + String.join("、", runner.outcomes()) + " 之一"));
            }
        }
        if (headerProblem) {
            return;
        }
        // the row after the keys holds the labels people read; the cases follow
        for (int r = header + 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String caseName = row == null ? "" : CellText.of(row.getCell(nameColumn));
            Map<String, String> given = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            if (row != null) {
                inputs.forEach((c, input) -> {
                    String value = CellText.of(row.getCell(c));
                    if (!value.isEmpty()) {
                        given.put(input, value);
                    }
                });
                expects.forEach((c, outcome) -> {
                    String value = CellText.of(row.getCell(c));
                    if (!value.isEmpty()) {
                        expected.put(outcome, value);
                    }
                });
            }
            if (caseName.isEmpty() && given.isEmpty() && expected.isEmpty()) {
                break;
            }
            if (expected.isEmpty()) {
                problems.add(problem(
                        file,
                        sheet,
                        r + 1,
                        expects.keySet().stream().findFirst().orElse(nameColumn),
                        null,
                        "example '" + caseName + "' expects nothing: fill in at least one EXPECT cell",
                        "示例“" + caseName + "”没有期望结果：请至少填写一个 EXPECT 单元格"));
                continue;
            }
            try {
                cases.add(decide(
                        new Given("WORKBOOK", file.path(), sheet.getSheetName(), r + 1, caseName, given, expected),
                        runner,
                        rules));
            } catch (WorkbookExamples.ExampleInputException e) {
                // an input that cannot be read is the author's slip, located at its cell, not a failed case
                int column = inputs.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(e.input()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(nameColumn);
                problems.add(problem(file, sheet, r + 1, column, given.get(e.input()), e.getMessage(), e.messageZh()));
            }
        }
    }

    /** A case as written: where it comes from, its inputs and what it expects. */
    private record Given(
            String source,
            String file,
            String sheet,
            Integer row,
            String name,
            Map<String, String> inputs,
            Map<String, String> expected) {

        ExampleCase decided(Map<String, String> actual, String message, String messageZh) {
            return new ExampleCase(
                    source, file, sheet, row, name, inputs, expected, actual, message == null, message, messageZh);
        }

        ExampleCase undecided(String message, String messageZh) {
            return new ExampleCase(source, file, sheet, row, name, inputs, expected, null, false, message, messageZh);
        }
    }

    /** Throws {@link WorkbookExamples.ExampleInputException} when an input cannot be read. */
    private static ExampleCase decide(Given given, WorkbookExamples runner, RuleSetSnapshot rules) {
        Map<String, String> actual;
        try {
            actual = runner.run(rules, given.inputs());
        } catch (WorkbookExamples.ExampleInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return given.undecided(
                    "the rules could not decide this case: " + e.getMessage(), "规则无法判定此案例：" + e.getMessage());
        }
        List<String> differences = new ArrayList<>();
        List<String> differencesZh = new ArrayList<>();
        given.expected().forEach((outcome, want) -> {
            String got = actual.get(outcome);
            if (!same(want, got)) {
                differences.add(outcome + " expected " + want + " but the rules give " + got);
                differencesZh.add(outcome + " 期望为 " + want + "，规则给出 " + got);
            }
        });
        return differences.isEmpty()
                ? given.decided(actual, null, null)
                : given.decided(actual, String.join("; ", differences), String.join("；", differencesZh));
    }

    static boolean same(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        try {
            return Math.abs(Double.parseDouble(expected.trim()) - Double.parseDouble(actual.trim())) < 0.005;
        } catch (NumberFormatException e) {
            return expected.trim().equalsIgnoreCase(actual.trim());
        }
    }

    private static ProblemView problem(
            RuleFile file, Sheet sheet, Integer row, Integer column, String cellText, String message, String zh) {
        String letter = column == null ? null : CellReference.convertNumToColString(column);
        StringBuilder location = new StringBuilder(file.path())
                .append(", sheet '")
                .append(sheet.getSheetName())
                .append('\'');
        if (row != null && letter != null) {
            location.append(", cell ").append(letter).append(row);
        } else if (row != null) {
            location.append(", row ").append(row);
        }
        return new ProblemView(
                file.path(), sheet.getSheetName(), row, letter, null, cellText, location.toString(), message, zh);
    }
}
