package org.safereg.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A plan's items for offline dispatch: CSV (UTF-8 with a byte-order mark, so Excel and WPS read Chinese) and XLSX. */
final class PlanExport {

    static final List<String> COLUMNS = List.of(
            "seq",
            "kind",
            "enterprise",
            "name",
            "region",
            "sector",
            "credit tier",
            "risk level",
            "due from",
            "due to",
            "priority",
            "inspector",
            "inspector name",
            "open hazards",
            "recent alarms",
            "past violations",
            "note");

    private PlanExport() {}

    static byte[] csv(List<PlanView.Item> items) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (PlanView.Item item : items) {
            List<String> cells = cells(item);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(PlanView plan, List<PlanView.Item> items) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            var header = workbook.createCellStyle();
            header.setFont(bold);
            Sheet sheet = workbook.createSheet("Plan " + plan.id());
            int r = 0;
            String[][] about = {
                {"region", plan.region()},
                {
                    "period",
                    plan.period().kind() + " " + plan.period().start() + " – "
                            + plan.period().end()
                },
                {"seed", Long.toString(plan.seed())},
                {"state", plan.state()},
                {"rule-set version", plan.ruleSetVersion()},
                {"digest", plan.digest()}
            };
            for (String[] line : about) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line[0]);
                row.getCell(0).setCellStyle(header);
                row.createCell(1).setCellValue(line[1]);
            }
            r++;
            Row head = sheet.createRow(r++);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(COLUMNS.get(i));
                head.getCell(i).setCellStyle(header);
            }
            for (PlanView.Item item : items) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(item);
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 0 || i == 10 || (i >= 13 && i <= 15)) {
                        row.createCell(i).setCellValue(Double.parseDouble(cells.get(i)));
                    } else {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(PlanView.Item item) {
        return List.of(
                Integer.toString(item.seq()),
                item.kind(),
                item.enterprise().code(),
                item.enterprise().name(),
                item.enterprise().region(),
                item.enterprise().sector(),
                item.reasons().creditTier(),
                item.reasons().riskLevel(),
                item.dueFrom().toString(),
                item.dueTo().toString(),
                Integer.toString(item.priority()),
                item.inspector() == null ? "" : item.inspector().id(),
                item.inspector() == null ? "" : item.inspector().name(),
                Integer.toString(item.focus().openHazards().total()),
                Integer.toString(item.focus().recentAlarms().total()),
                Integer.toString(item.focus().pastViolations().total()),
                item.reasons().note() == null ? "" : item.reasons().note());
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a cell as a formula. */
    private static String quote(String cell) {
        String value = cell;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
