package org.safereg.engine;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.safereg.engine.DecisionTableLayout.Column;
import org.safereg.engine.DecisionTableLayout.Table;

/**
 * Checks on a workbook that the spreadsheet compiler would let pass silently, each of which would
 * leave rules missing or different from what the author sees in Excel.
 */
final class WorkbookChecks {

    private WorkbookChecks() {}

    static void check(RuleFile file, DecisionTableLayout layout, List<RuleProblem> problems) {
        if (layout.tables().isEmpty()) {
            problems.add(RuleProblem.inFile(
                    file.path(),
                    "no rule table found: a decision table needs a cell \"RuleTable <name>\" above its columns"));
            return;
        }
        for (Table table : layout.tables().values()) {
            if (table.columns().stream().noneMatch(Column::isCode)) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        table.headerRow() + 1,
                        null,
                        null,
                        null,
                        "rule table '" + table.name()
                                + "' has no CONDITION or ACTION column in the row below its name"));
                continue;
            }
            if (table.ruleRows().isEmpty()) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        table.headerRow(),
                        null,
                        null,
                        null,
                        "rule table '" + table.name() + "' has no rule rows"));
            }
            for (int row : table.ruleRows()) {
                for (Column column : table.columns()) {
                    Cell cell = table.cell(row, column);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        problems.add(new RuleProblem(
                                file.path(),
                                table.sheetName(),
                                row,
                                column.letter(),
                                null,
                                "=" + cell.getCellFormula(),
                                "a formula where a value is expected: type the value itself, so that the rule is what"
                                        + " the sheet shows"));
                    }
                }
            }
        }
    }
}
