package org.safereg.engine;

import java.util.List;
import java.util.Map;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;

/**
 * What the DMN checks found, said to a policy officer in English and Chinese: a sentence for the kind of
 * finding, followed by what kie-dmn-validation says of it (which names the values and rules concerned).
 */
public final class DmnSentences {

    private DmnSentences() {}

    static String english(DMNMessage message) {
        return lead(message.getMessageType(), false) + ": " + detail(message);
    }

    static String chinese(DMNMessage message) {
        return lead(message.getMessageType(), true) + "：" + detail(message);
    }

    private static String detail(DMNMessage message) {
        String text = message.getText() == null ? message.getMessage() : message.getText();
        return clean(text);
    }

    /** The library's text without its prefix and its trailing "(DMN id: ..., ...)" note. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceFirst("^DMN: ", "")
                .replaceAll("\\s*\\(DMN id: [^)]*\\)\\s*$", "")
                .replaceAll("\\s*\\(resource: [^)]*\\)", "")
                .strip();
    }

    /** The sentence for each kind of message: English, Chinese and the message types it says. */
    private record Lead(String zh, String en, List<DMNMessageType> types) {}

    private static Lead entry(String zh, String en, DMNMessageType... types) {
        return new Lead(zh, en, List.of(types));
    }

    private static final Lead OTHER = new Lead("DMN 模型有误", "the DMN model is not valid", List.of());

    private static final List<Lead> LEADS = List.of(
            entry(
                    "决策表存在缺口：有输入组合不被任何规则覆盖，此时不会得出结果",
                    "the decision table has a gap: some inputs match no rule, and then it decides nothing",
                    DMNMessageType.DECISION_TABLE_GAP),
            entry(
                    "决策表的规则相互重叠：同一输入可匹配多条规则",
                    "rules of the decision table overlap: one input can match several rules",
                    DMNMessageType.DECISION_TABLE_OVERLAP),
            entry(
                    "命中策略为 UNIQUE（唯一），但有规则重叠：匹配多条规则的输入会导致决策失败",
                    "the hit policy is UNIQUE but rules overlap: an input matching several of them makes the decision"
                            + " fail",
                    DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE),
            entry(
                    "命中策略为 ANY（任一），但重叠的规则给出不同结果",
                    "the hit policy is ANY but overlapping rules give different outputs",
                    DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_ANY),
            entry(
                    "命中策略为 FIRST（首条），结果取决于规则顺序",
                    "the hit policy is FIRST: the outcome depends on the order of the rules",
                    DMNMessageType.DECISION_TABLE_HITPOLICY_FIRST),
            entry(
                    "规则被遮蔽：它前面的规则总先匹配，此规则永远不会起作用",
                    "a rule is masked: an earlier rule always matches first, so this one never decides",
                    DMNMessageType.DECISION_TABLE_MASKED_RULE),
            entry(
                    "规则具有误导性：它与另一条规则部分重叠，而优先级使读者误判哪条起作用",
                    "a rule is misleading: it partly overlaps another and the priority hides which one decides",
                    DMNMessageType.DECISION_TABLE_MISLEADING_RULE),
            entry(
                    "规则被包含：一条规则覆盖了另一条规则的全部情形，并给出相同结果，可以合并",
                    "a rule subsumes another: it covers all of the other's cases with the same outputs, so they can"
                            + " be merged",
                    DMNMessageType.DECISION_TABLE_SUBSUMPTION_RULE),
            entry(
                    "规则可以合并：相邻的规则只在一列上不同且结果相同",
                    "rules can be contracted: they differ in one column only and give the same outputs",
                    DMNMessageType.DECISION_TABLE_CONTRACTION_RULE),
            entry(
                    "决策表违反第一范式：存在重复的规则",
                    "the decision table breaks first normal form: some rules repeat",
                    DMNMessageType.DECISION_TABLE_1STNFVIOLATION),
            entry(
                    "决策表违反第二范式：某列对某些规则无关，可拆分或合并",
                    "the decision table breaks second normal form: a column does not matter to some rules",
                    DMNMessageType.DECISION_TABLE_2NDNFVIOLATION),
            entry(
                    "建议更换命中策略",
                    "a different hit policy fits the rules",
                    DMNMessageType.DECISION_TABLE_HITPOLICY_RECOMMENDER),
            entry("无法分析该决策表", "the decision table could not be analysed", DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR),
            entry(
                    "FEEL 表达式有语法或求值错误",
                    "a FEEL expression has a syntax or evaluation error",
                    DMNMessageType.FEEL_EVALUATION_ERROR,
                    DMNMessageType.ERR_COMPILING_FEEL,
                    DMNMessageType.INVALID_SYNTAX,
                    DMNMessageType.ERR_EVAL_CTX),
            entry(
                    "名称无效或与变量不一致",
                    "a name is not valid or does not match its variable",
                    DMNMessageType.INVALID_NAME,
                    DMNMessageType.MISSING_VARIABLE,
                    DMNMessageType.VARIABLE_NAME_MISMATCH,
                    DMNMessageType.ILLEGAL_USE_OF_NAME),
            entry(
                    "类型未知或不匹配",
                    "a type is unknown or does not match",
                    DMNMessageType.TYPE_DEF_NOT_FOUND,
                    DMNMessageType.TYPE_REF_NOT_FOUND,
                    DMNMessageType.TYPEREF_MISMATCH,
                    DMNMessageType.MISSING_TYPE_REF,
                    DMNMessageType.ILLEGAL_USE_OF_TYPEREF),
            entry("导入的模型不在此规则集中", "an imported model is not in the rule set", DMNMessageType.IMPORT_NOT_FOUND),
            entry(
                    "所需的输入或决策不存在",
                    "a required input or decision does not exist",
                    DMNMessageType.REQ_NOT_FOUND,
                    DMNMessageType.DECISION_NOT_FOUND),
            entry("名称重复", "a name is used twice", DMNMessageType.DUPLICATE_NAME),
            entry("决策缺少逻辑（表达式）", "a decision has no logic (expression)", DMNMessageType.MISSING_EXPRESSION),
            entry(
                    "文件不符合 DMN 的 XML 模式",
                    "the file does not follow the DMN XML schema",
                    DMNMessageType.FAILED_XML_VALIDATION,
                    DMNMessageType.FAILED_VALIDATION));

    /** Sentences of the first look at a file and of the model set, English to Chinese. */
    private static final Map<String, String> FILE_SENTENCES = Map.of(
            "not well-formed XML", "不是格式正确的 XML",
            "a DMN model may not carry a document type declaration",
                    "DMN 模型不得包含文档类型声明（<!DOCTYPE ...>）：实体永远不会被解析；请用 DMN 编辑器保存模型",
            "not a DMN model", "不是 DMN 模型：根元素不是 <definitions>（请用 DMN 编辑器保存模型）",
            "another model of the rule set", "规则集中另一个模型与之同名：功能按名称调用模型，名称必须唯一",
            "examples without their model", "示例文件没有对应的模型：规则集中缺少同名的 .dmn 文件",
            "the DMN models cannot be loaded", "无法加载 DMN 模型");

    private static Lead lead(DMNMessageType type) {
        if (type == null) {
            return OTHER;
        }
        for (Lead lead : LEADS) {
            if (lead.types().contains(type)) {
                return lead;
            }
        }
        return OTHER;
    }

    static String lead(DMNMessageType type, boolean zh) {
        Lead lead = lead(type);
        return zh ? lead.zh() : lead.en();
    }

    /**
     * The Chinese of an English sentence this engine wrote about a DMN model, or null when it wrote none such:
     * the kind of problem in Chinese, and what kie-dmn-validation says of it as it is.
     */
    public static String chinese(String english) {
        if (english == null) {
            return null;
        }
        for (Lead lead : LEADS) {
            if (english.startsWith(lead.en() + ": ")) {
                return lead.zh() + "：" + english.substring(lead.en().length() + 2);
            }
        }
        if (english.startsWith(OTHER.en() + ": ")) {
            return OTHER.zh() + "：" + english.substring(OTHER.en().length() + 2);
        }
        for (Map.Entry<String, String> sentence : FILE_SENTENCES.entrySet()) {
            if (english.startsWith(sentence.getKey())) {
                if (!english.startsWith("not well-formed XML") && !english.startsWith("the DMN models cannot")) {
                    return sentence.getValue();
                }
                int colon = english.indexOf(": ");
                return colon < 0 ? sentence.getValue() : sentence.getValue() + "：" + english.substring(colon + 2);
            }
        }
        return null;
    }
}
