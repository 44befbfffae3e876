package org.safereg.rulesets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.safereg.engine.RuleFile;

/**
 * Checks what an upload carries before anything is compiled or stored, and names each file's place in the
 * rule set: workbooks, DMN models and their examples go to {@code decision-tables/}, DRL files to {@code rules/}.
 */
final class UploadedFiles {

    private UploadedFiles() {}

    record Upload(String name, byte[] content) {}

    static List<RuleFile> check(List<Upload> uploads, long maxBytes) {
        List<ProblemView> problems = new ArrayList<>();
        boolean tooLarge = false;
        Map<String, RuleFile> files = new LinkedHashMap<>();
        if (uploads.isEmpty()) {
            problems.add(ProblemView.inFile(
                    "(upload)",
                    "the upload carries no file: send one or more .xlsx or .drl files as the multipart part 'files'",
                    "上传中没有文件：请以 multipart 字段 files 上传一个或多个 .xlsx 或 .drl 文件"));
        }
        for (Upload upload : uploads) {
            String name = upload.name() == null ? "" : upload.name().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            byte[] content = upload.content();
            if (name.isEmpty() || name.startsWith(".") || name.startsWith("~$")) {
                problems.add(ProblemView.inFile(
                        name.isEmpty() ? "(unnamed)" : name,
                        "the file has no usable name: name it as it should appear in the rule set,"
                                + " such as credit-scoring.xlsx",
                        "文件没有可用的名称：请按其在规则集中的名称命名，例如 credit-scoring.xlsx"));
                continue;
            }
            if (content.length > maxBytes) {
                tooLarge = true;
                problems.add(ProblemView.inFile(
                        name,
                        "the file has " + content.length + " bytes, more than the " + maxBytes
                                + " a rule file may have",
                        "文件大小为 " + content.length + " 字节，超过规则文件允许的 " + maxBytes + " 字节"));
                continue;
            }
            if (content.length == 0) {
                problems.add(ProblemView.inFile(name, "the file is empty", "文件为空"));
                continue;
            }
            if (lower.endsWith(".xlsm") || lower.endsWith(".xltm") || lower.endsWith(".xlsb")) {
                problems.add(macroEnabled(name));
                continue;
            }
            if (lower.endsWith(".xlsx")) {
                ProblemView problem = checkXlsx(name, content);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
                files.put("decision-tables/" + name, new RuleFile("decision-tables/" + name, content));
            } else if (lower.endsWith(".drl")) {
                if (!isUtf8(content)) {
                    problems.add(ProblemView.inFile(
                            name,
                            "the DRL file is not UTF-8 text: save it as UTF-8",
                            "DRL 文件不是 UTF-8 文本：请以 UTF-8 编码保存"));
                    continue;
                }
                files.put("rules/" + name, new RuleFile("rules/" + name, content));
            } else if (lower.endsWith(".dmn") || lower.endsWith(".examples.json")) {
                if (!isUtf8(content)) {
                    problems.add(ProblemView.inFile(
                            name, "the file is not UTF-8 text: save it as UTF-8", "文件不是 UTF-8 文本：请以 UTF-8 编码保存"));
                    continue;
                }
                files.put("decision-tables/" + name, new RuleFile("decision-tables/" + name, content));
            } else {
                problems.add(ProblemView.inFile(
                        name,
                        "a rule set takes decision tables saved as Excel workbooks (.xlsx), DRL files (.drl), DMN"
                                + " models (.dmn) and their examples (.examples.json), not this kind of file",
                        "规则集只接受 Excel 工作簿（.xlsx）格式的决策表、DRL 文件（.drl）、DMN 模型（.dmn）及其示例" + "（.examples.json），不接受此类文件"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileRefusedException(problems, tooLarge);
        }
        return List.copyOf(files.values());
    }

    /** An .xlsx is a zip holding xl/workbook.xml; one holding xl/vbaProject.bin carries macros. */
    private static ProblemView checkXlsx(String name, byte[] content) {
        boolean workbook = false;
        boolean macros = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                workbook |= entryName.equals("xl/workbook.xml") || entryName.equals("xl/workbook.bin");
                macros |= entryName.equals("xl/vbaProject.bin");
            }
        } catch (IOException | IllegalArgumentException e) {
            workbook = false;
        }
        if (macros) {
            return macroEnabled(name);
        }
        if (!workbook) {
            return ProblemView.inFile(
                    name,
                    "not a readable Excel workbook: the file is damaged or is not a spreadsheet saved as .xlsx"
                            + " (in Excel, WPS or LibreOffice: Save As, Excel Workbook .xlsx)",
                    "无法作为 Excel 工作簿读取：文件已损坏，或不是以 .xlsx 保存的电子表格（在 Excel、WPS 或 LibreOffice 中"
                            + "选择“另存为”，Excel 工作簿 .xlsx）");
        }
        return null;
    }

    private static ProblemView macroEnabled(String name) {
        return ProblemView.inFile(
                name,
                "a macro-enabled workbook is not accepted: macros are never run, and a policy must be what the"
                        + " cells show; save it as an Excel Workbook (.xlsx) without macros",
                "不接受启用宏的工作簿：宏不会被执行，政策应以单元格所示为准；请另存为不含宏的 Excel 工作簿（.xlsx）");
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
