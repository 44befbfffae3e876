package org.safereg.rulesets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safereg.engine.DmnSentences;

/**
 * Says in Chinese what the engine reports in English. The engine's sentences are a small, fixed set; what
 * Drools itself adds (the offending expression, the parser's words) is quoted as it is.
 */
final class ProblemSentences {

    private static final Pattern UNKNOWN_FACT = Pattern.compile("the fact type '([^']+)' is unknown");
    private static final Pattern NOT_VALID = Pattern.compile(
            "the (condition|action) built from this cell \\(\"(.*)\"\\) is not valid: (.*)", Pattern.DOTALL);
    private static final Pattern NO_ROWS = Pattern.compile("rule table '([^']+)' has no rule rows");
    private static final Pattern HIDDEN_SHEET = Pattern.compile("the sheet holding rule table '([^']+)' is hidden");
    private static final Pattern HIDDEN_COLUMN = Pattern.compile("column ([A-Z]+) of rule table '([^']+)' is hidden");
    private static final Pattern HIDDEN_ROW = Pattern.compile("row (\\d+) of rule table '([^']+)' is hidden");
    private static final Pattern MERGED =
            Pattern.compile("cells (\\S+) are merged inside the rules of table '([^']+)'");
    private static final Pattern NO_COLUMNS = Pattern.compile("rule table '([^']+)' has no CONDITION or ACTION column");

    private ProblemSentences() {}

    static String chinese(String english) {
        if (english == null) {
            return null;
        }
        String model = DmnSentences.chinese(english);
        if (model != null) {
            return model;
        }
        Matcher m;
        if (english.startsWith("not a readable Excel workbook")) {
            return "无法作为 Excel 工作簿读取：文件已损坏，或并非电子表格（"
                    + english.substring(english.indexOf('(') + 1).replaceFirst("\\)$", "") + "）";
        }
        if (english.startsWith("a formula where a value is expected")) {
            return "此处应填写数值，却是公式：请直接填写数值，使规则与表格所显示的一致";
        }
        if ((m = UNKNOWN_FACT.matcher(english)).find()) {
            return "事实类型“" + m.group(1) + "”未知：规则表只能匹配 Import 行中列出的事实类型";
        }
        if ((m = NOT_VALID.matcher(english)).find()) {
            String kind = m.group(1).equals("action") ? "动作" : "条件";
            return "由此单元格生成的" + kind + "（“" + m.group(2) + "”）无效：" + detail(m.group(3));
        }
        if (english.startsWith("a rule table without its \"RuleTable <name>\" cell")) {
            return "规则表缺少“RuleTable <名称>”单元格：其各行会被悄无声息地丢弃；请在关键字行上方的单元格"
                    + english.substring(english.lastIndexOf("(cell ") + 6).replace(")", "")
                    + " 重新填写规则表名称";
        }
        if (english.startsWith("no rule table found")) {
            return "未找到规则表：决策表需要在各列上方有一个“RuleTable <名称>”单元格";
        }
        if ((m = NO_ROWS.matcher(english)).find()) {
            return "规则表“" + m.group(1) + "”没有规则行";
        }
        if ((m = NO_COLUMNS.matcher(english)).find()) {
            return "规则表“" + m.group(1) + "”名称下一行没有 CONDITION 或 ACTION 列";
        }
        if ((m = HIDDEN_SHEET.matcher(english)).find()) {
            return "规则表“" + m.group(1) + "”所在的工作表被隐藏：其中的规则会在无人看见的情况下生效；请取消隐藏该工作表，或删除该规则表";
        }
        if ((m = HIDDEN_COLUMN.matcher(english)).find()) {
            return "规则表“" + m.group(2) + "”的第 " + m.group(1) + " 列被隐藏：其中的条件或动作会在无人看见的情况下生效；请取消隐藏该列";
        }
        if ((m = HIDDEN_ROW.matcher(english)).find()) {
            return "规则表“" + m.group(2) + "”的第 " + m.group(1) + " 行被隐藏：该行规则会在无人看见的情况下生效；请取消隐藏或删除该行";
        }
        if ((m = MERGED.matcher(english)).find()) {
            return "规则表“" + m.group(2) + "”的规则行中合并了单元格 " + m.group(1) + "：只有第一行得到该值，其余各行将匹配任意值；请取消合并，并在每一行填写数值";
        }
        if (english.startsWith("not a rule file")) {
            return "不是规则文件：规则集只包含 DRL 文件（.drl）、决策表（.xlsx、.xls）、DMN 模型（.dmn）及其示例（.examples.json）";
        }
        if (english.startsWith("the rule set has no DRL file")) {
            return "规则集中没有任何 DRL 文件或决策表";
        }
        if (english.startsWith("the rule built from this row is not valid: ")) {
            return "由此行生成的规则无效：" + detail(english.substring("the rule built from this row is not valid: ".length()));
        }
        return "规则有误：" + detail(english);
    }

    private static String detail(String english) {
        if (english.startsWith("syntax error")) {
            return "语法错误（" + english + "）";
        }
        if (english.startsWith("unknown field or value")) {
            return "未知的字段或取值（" + english + "）";
        }
        return "（" + english + "）";
    }
}
