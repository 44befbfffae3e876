package org.safereg.hazards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/hazard-types.xlsx}. The workbook in the repository is the policy and
 * policy staff edit it directly; this class records how the seed was made and can re-create it: run its main
 * with the repository root as working directory.
 */
public final class HazardTypesSeed {

    static final String SHEET = "Hazard types";

    static final String HC = "HAZARDOUS_CHEMICALS";
    static final String IT = "OTHER, METAL_SMELTING";
    static final String MS = "METAL_SMELTING";
    static final String CM = "COAL_MINE";
    static final String NCM = "NON_COAL_MINE";
    static final String MINES = "COAL_MINE, NON_COAL_MINE";
    static final String NOT_HC = "COAL_MINE, NON_COAL_MINE, METAL_SMELTING, CONSTRUCTION, OTHER";
    static final String NOT_HC_IT = "COAL_MINE, NON_COAL_MINE, CONSTRUCTION";
    static final String NOT_CM = "NON_COAL_MINE, HAZARDOUS_CHEMICALS, METAL_SMELTING, CONSTRUCTION, OTHER";
    static final String NOT_CM_HC = "NON_COAL_MINE, METAL_SMELTING, CONSTRUCTION, OTHER";
    static final String NOT_IT = "COAL_MINE, NON_COAL_MINE, HAZARDOUS_CHEMICALS, CONSTRUCTION";
    static final String NOT_HC_IT_CM = "NON_COAL_MINE, CONSTRUCTION";
    static final String NOT_HC_MS = "COAL_MINE, NON_COAL_MINE, CONSTRUCTION, OTHER";

    static final String NOTES =
            """
            Hazard types (隐患类型): every hazard description (self-check 企业自查, found by inspectors 部门核查, or \
            imported) is split into words by Chinese word segmentation (HanLP) and into clauses at punctuation, then \
            classified by these rows. Phrases: synonyms separated by 、; A+B is A followed by B in the same clause \
            (words between allowed). Negation words: a negation word before a phrase in the same clause strikes \
            that mention (无消防通道堵塞现象, 未发现瓦斯超限 count for nothing); a one-word negation must be a whole \
            word as segmented (无证 is not 无). Sector scope: blank for every sector; COAL_MINE, NON_COAL_MINE, \
            HAZARDOUS_CHEMICALS, METAL_SMELTING, CONSTRUCTION, OTHER (industry and trade 工贸). Suggested grade: \
            GENERAL 一般隐患 or MAJOR 重大事故隐患 (anything else is refused at its cell). Criterion: the item of MEM's published determination standard \
            the row encodes; a self-check graded GENERAL that matches such a row is flagged for department \
            verification (平台筛查 → 部门核查). HC-n: 化工和危险化学品生产经营单位重大生产安全事故隐患判定标准(试行) \
            (安监总管三〔2017〕121号), item n of its 20. IT-a.b: 工贸企业重大事故隐患判定标准 (MEM Order No. 10, \
            2023), article a, item b (Art. 3 all industry and trade, Art. 4 metallurgy, Art. 11 combustible dust, \
            Art. 13 confined spaces). CM-n: 煤矿重大事故隐患判定标准 (MEM Order No. 4, 2020), Art. 3, category n \
            of its 15. Non-coal mines and construction have determination standards of their own (not encoded \
            here): their rows suggest GENERAL and name no criterion.""";

    private HazardTypesSeed() {}

    public static byte[] workbook() {
        DecisionTableWorkbook book = new DecisionTableWorkbook()
                .sheet(SHEET, "org.safereg.hazards.rules", List.of("org.safereg.hazards.HazardDescription"), NOTES)
                .table(
                        "Negation words",
                        List.of("DESCRIPTION", "CONDITION", "ACTION"),
                        List.of("", "d: HazardDescription", ""),
                        List.of("", "says(\"$param\")", "d.negatedBy(\"$param\");"),
                        List.of("说明 Description", "否定词 Negation word", "否定 Negates"))
                .row("未发现 not found", "未发现", "未发现")
                .row("未见 not seen", "未见", "未见")
                .row("不存在 does not exist", "不存在", "不存在")
                .row("没有 there is no", "没有", "没有")
                .row("无 no (a word of its own)", "无", "无")
                .row("杜绝 eliminated", "杜绝", "杜绝")
                .row("已消除 removed", "已消除", "已消除")
                .row("已排除 cleared", "已排除", "已排除")
                .row("已整改 rectified", "已整改", "已整改")
                .blankRow()
                .table(
                        "Hazard types",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION"),
                        List.of("", "d: HazardDescription", "d: HazardDescription", "", "", ""),
                        List.of(
                                "",
                                "inSector(\"$param\")",
                                "$m : mentionOf(\"$param\"), $m != null",
                                "d.classify(\"$1\", \"$2\", $m);",
                                "d.grade(HazardDescription.Grade.$param);",
                                "d.criterion(\"$param\");"),
                        List.of(
                                "说明 Description",
                                "行业 Sector scope",
                                "关键词/短语(同义词以、分隔) Phrases",
                                "隐患类型 Type, name",
                                "建议级别 Suggested grade",
                                "判定标准条款 Criterion"));
        String uncertified =
                "无证上岗、无证作业、无证操作、无证驾驶、未持证上岗、未持证、持证+过期、操作证+过期、资格证+过期、未取得+资格证、" + "未取得+操作证、未取得+特种作业、证件+过期、证书+过期、特种作业+无证";
        row(book, "HC-2 特种作业人员未持证上岗", HC, uncertified, "UNCERTIFIED_WORK, 特种作业无证上岗", "MAJOR", "HC-2");
        row(book, "IT-3.2 特种作业人员未取得资格上岗", IT, uncertified, "UNCERTIFIED_WORK, 特种作业无证上岗", "MAJOR", "IT-3.2");
        row(book, "特种作业无证上岗(其他行业)", NOT_HC_IT, uncertified, "UNCERTIFIED_WORK, 特种作业无证上岗", "GENERAL", null);
        String notAssessed = "主要负责人+未+考核、安全管理人员+未+考核、未经考核合格、考核合格证+过期、安全生产知识和管理能力+未、" + "主要负责人+未取得+合格证、安全管理人员+未取得+合格证";
        row(book, "HC-1 主要负责人和安全管理人员未经考核合格", HC, notAssessed, "MANAGER_NOT_ASSESSED, 负责人未考核合格", "MAJOR", "HC-1");
        row(book, "IT-3.3 金属冶炼主要负责人未经考核合格", MS, notAssessed, "MANAGER_NOT_ASSESSED, 负责人未考核合格", "MAJOR", "IT-3.3");
        row(book, "负责人未考核合格(其他行业)", NOT_HC_MS, notAssessed, "MANAGER_NOT_ASSESSED, 负责人未考核合格", "GENERAL", null);
        String detectorMissing =
                "未设置+报警、未安装+报警、未设+报警、缺少+报警、没有+报警、无+报警、未按+设置+报警、报警器+缺失、" + "报警仪+缺失、未配备+报警、报警+被拆除、未设置+检测仪、未安装+检测仪";
        row(book, "HC-12 可燃有毒气体泄漏场所未设置检测报警装置", HC, detectorMissing, "GAS_DETECTION, 气体检测报警", "MAJOR", "HC-12");
        row(book, "IT-4.6 煤气区域未设置一氧化碳检测报警", MS, detectorMissing, "GAS_DETECTION, 气体检测报警", "MAJOR", "IT-4.6");
        row(book, "气体检测报警缺失(其他行业)", NOT_HC_MS, detectorMissing, "GAS_DETECTION, 气体检测报警", "GENERAL", null);
        row(
                book,
                "气体检测报警失效、屏蔽、未检定",
                null,
                "报警+失效、报警+故障、报警+损坏、报警+屏蔽、报警+关闭、报警+未投用、报警+停用、报警仪+未+检定、报警器+未+检定、"
                        + "报警仪+未+标定、报警+未+联锁、报警+未+接入、报警+不能+正常、报警仪+未定期、报警器+未定期、报警仪+超期、报警器+超期、"
                        + "报警器+误报、报警+无声光",
                "GAS_DETECTION, 气体检测报警",
                "GENERAL",
                null);
        String explosionProof = "非防爆、未使用防爆、未采用防爆、不防爆、防爆+不符合、防爆+失效、失爆、防爆等级+不、防爆+损坏、" + "普通+电器+爆炸危险、防爆+缺失、未按+防爆";
        row(book, "HC-12 爆炸危险场所未安装使用防爆电气设备", HC, explosionProof, "EXPLOSION_PROOF, 防爆电气", "MAJOR", "HC-12");
        row(book, "防爆电气(其他行业)", NOT_HC, explosionProof, "EXPLOSION_PROOF, 防爆电气", "GENERAL", null);
        row(
                book,
                "HC-4 重点监管工艺未实现自动化控制、紧急停车",
                HC,
                "未实现自动化控制、自动化控制+未投用、自动化控制系统+未、紧急停车+未投用、紧急停车+未、未设置+紧急停车、未实现+紧急停车、"
                        + "联锁+摘除、联锁+切除、联锁+未投用、联锁+解除、联锁+旁路、联锁+屏蔽、手动+控制+重点监管",
                "AUTOMATION, 自动化控制与联锁",
                "MAJOR",
                "HC-4");
        row(
                book,
                "HC-5 重大危险源罐区未实现紧急切断、未配备安全仪表系统",
                HC,
                "紧急切断+未、未实现紧急切断、未设置+紧急切断、安全仪表系统+未、未配备+安全仪表、SIS+未",
                "AUTOMATION, 自动化控制与联锁",
                "MAJOR",
                "HC-5");
        row(
                book,
                "联锁、自动控制失效(其他行业)",
                NOT_HC,
                "联锁+摘除、联锁+切除、联锁+未投用、联锁+解除、联锁+失效、联锁+旁路、联锁+屏蔽、紧急切断+未、自动化控制+未投用",
                "AUTOMATION, 自动化控制与联锁",
                "GENERAL",
                null);
        String accessoryOff = "安全阀+未+投用、安全阀+关闭、安全阀+拆除、安全阀+根部阀+关闭、安全阀+前+阀门+关闭、爆破片+未+投用、" + "爆破片+拆除、安全附件+未+投用、安全阀+堵塞";
        row(book, "HC-15 安全阀、爆破片等安全附件未正常投用", HC, accessoryOff, "SAFETY_ACCESSORY, 安全附件", "MAJOR", "HC-15");
        row(book, "安全附件未投用(其他行业)", NOT_HC, accessoryOff, "SAFETY_ACCESSORY, 安全附件", "GENERAL", null);
        row(
                book,
                "安全阀、压力表等安全附件未校验、损坏",
                null,
                "安全阀+未+校验、安全阀+超期、安全阀+过期、安全阀+未定期、压力表+未+校验、压力表+超期、压力表+过期、压力表+损坏、"
                        + "压力表+失效、压力表+未+检定、液位计+损坏、液位计+失效、温度计+损坏、安全附件+失效、爆破片+过期",
                "SAFETY_ACCESSORY, 安全附件",
                "GENERAL",
                null);
        String storage = "混存、混放、禁配、超量储存、超量存放、超品种、未分区分类、未按+分区分类、混合储存、超储、储存+超量、" + "超过+设计储量、与+禁忌物+同库、同库+存放";
        row(book, "HC-20 未分区分类储存、超量超品种、禁配物质混存", HC, storage, "CHEMICAL_STORAGE, 危险化学品储存", "MAJOR", "HC-20");
        row(book, "危险物品储存(其他行业)", NOT_HC, storage, "CHEMICAL_STORAGE, 危险化学品储存", "GENERAL", null);
        String specialWork = "动火+未+审批、未办理+动火、无+动火+证、无+动火+票、动火+未+票、动火+无+监护、动火+未+监护、违规动火、"
                + "擅自动火、动火+未+分析、动火+未+清理、未办理+作业票、作业票+未+审批、作业证+未+审批、盲板抽堵+未、高处作业+未+票、"
                + "吊装作业+未+票、特殊作业+未、特殊作业管理制度+未";
        row(book, "HC-18 动火等特殊作业管理制度未制定或未执行", HC, specialWork, "SPECIAL_WORK, 动火等特殊作业", "MAJOR", "HC-18");
        row(book, "动火等特殊作业(其他行业)", NOT_HC, specialWork, "SPECIAL_WORK, 动火等特殊作业", "GENERAL", null);
        String confinedWork = "有限空间+未+通风、有限空间+未+检测、有限空间+未+审批、有限空间+无+监护、有限空间+未+监护、"
                + "有限空间+未经+审批、有限空间+未+设置+监护、未执行+先通风、先通风+再检测+后作业+未、受限空间+未+检测、受限空间+未+通风、"
                + "受限空间+无+监护、受限空间+未+监护、受限空间+未+审批、受限空间+未办理、有限空间+未办理、进入+有限空间+未、进入+受限空间+未、"
                + "有限空间+擅自、受限空间+擅自、受限空间+无+票、有限空间+无+审批";
        row(book, "HC-18 进入受限空间作业未执行管理制度", HC, confinedWork, "CONFINED_SPACE, 有限空间作业", "MAJOR", "HC-18");
        row(book, "IT-13.2 有限空间作业未审批、未先通风再检测后作业、无监护", IT, confinedWork, "CONFINED_SPACE, 有限空间作业", "MAJOR", "IT-13.2");
        row(book, "有限空间作业(其他行业)", NOT_HC_IT, confinedWork, "CONFINED_SPACE, 有限空间作业", "GENERAL", null);
        row(
                book,
                "IT-13.1 有限空间未辨识、无台账、无警示标志",
                IT,
                "有限空间+未+辨识、有限空间+未+台账、有限空间+未+建立+台账、有限空间+无+台账、有限空间+未+警示、有限空间+无+警示、" + "有限空间+未+标志",
                "CONFINED_SPACE, 有限空间作业",
                "MAJOR",
                "IT-13.1");
        row(
                book,
                "IT-11.3 干式除尘系统未采取泄爆、惰化、抑爆措施",
                IT,
                "未设置泄爆、未采取泄爆、泄爆+未、未设+泄爆、无+泄爆、缺少+泄爆、未采取+抑爆、未采取+惰化、除尘+未+防爆措施、" + "除尘器+无+泄爆、除尘器+未+泄爆",
                "DUST_EXPLOSION, 粉尘防爆",
                "MAJOR",
                "IT-11.3");
        row(
                book,
                "IT-11.10 未落实粉尘清理制度，作业现场积尘严重",
                IT,
                "积尘+严重、积尘+较厚、粉尘+积聚、粉尘+堆积、粉尘清理+未、未落实+粉尘清理、未+及时+清理+粉尘、未+清扫+粉尘、积尘+未+清理",
                "DUST_EXPLOSION, 粉尘防爆",
                "MAJOR",
                "IT-11.10");
        row(
                book,
                "IT-11.2 不同类别粉尘、不同防火分区共用一套除尘系统",
                IT,
                "共用+除尘系统、共用+一套+除尘、除尘系统+互联互通、共用+除尘器",
                "DUST_EXPLOSION, 粉尘防爆",
                "MAJOR",
                "IT-11.2");
        row(
                book,
                "IT-11.1 粉尘爆炸危险场所内设人员聚集场所",
                IT,
                "粉尘+车间+宿舍、粉尘+车间+休息室、粉尘+车间+办公室、粉尘爆炸危险场所+宿舍、粉尘爆炸危险场所+休息室、粉尘+区域+休息室、" + "粉尘+场所+宿舍",
                "DUST_EXPLOSION, 粉尘防爆",
                "MAJOR",
                "IT-11.1");
        row(
                book,
                "IT-11.6 铝镁、木质粉尘干式除尘未设置锁气卸灰装置",
                IT,
                "未设置+锁气卸灰、锁气卸灰+未、无+锁气卸灰、正压吹送、重力沉降室、火花探测+未、未设置+火花探测",
                "DUST_EXPLOSION, 粉尘防爆",
                "MAJOR",
                "IT-11.6");
        row(
                book,
                "粉尘防爆(其他行业)",
                NOT_IT,
                "积尘+严重、粉尘+积聚、粉尘+堆积、未设置泄爆、泄爆+未、除尘+未+防爆、粉尘清理+未",
                "DUST_EXPLOSION, 粉尘防爆",
                "GENERAL",
                null);
        row(
                book,
                "IT-4.2 熔融金属影响区域、事故坑、渣坑积水",
                MS,
                "渣坑+积水、事故坑+积水、炉前+积水、炉下+积水、熔融金属+积水、铁水+积水、钢水+积水、浇铸+区域+积水、地坪+积水、炉基+积水",
                "MOLTEN_METAL, 熔融金属作业",
                "MAJOR",
                "IT-4.2");
        row(
                book,
                "IT-4.1 吊运熔融金属跨内设人员聚集场所",
                MS,
                "吊运+跨+休息室、吊运+跨+操作室、吊运+跨+交接班室、吊运+下方+休息室、吊运+区域+休息室、吊运+区域+操作室、铁水+吊运+下方+操作室、" + "钢水+吊运+下方+休息室、吊运+跨+更衣室",
                "MOLTEN_METAL, 熔融金属作业",
                "MAJOR",
                "IT-4.1");
        row(
                book,
                "IT-4.3 未设置事故钢水罐、漏钢坑",
                MS,
                "未设置+事故钢水罐、未设置+漏钢坑、未设置+溢流坑、事故钢水罐+未、无+事故钢水罐、无+漏钢坑",
                "MOLTEN_METAL, 熔融金属作业",
                "MAJOR",
                "IT-4.3");
        row(
                book,
                "IT-4.4 炼钢炉水冷元件未设监测报警或未联锁",
                MS,
                "水冷元件+未、水冷+出水温度+未、进出水流量差+未、水冷+监测+未+联锁",
                "MOLTEN_METAL, 熔融金属作业",
                "MAJOR",
                "IT-4.4");
        row(
                book,
                "熔融金属吊运设备(其他)",
                MS,
                "铸造起重机+未、吊运+熔融金属+未、钢水罐+耳轴+、铁水罐+裂纹、钢水包+未+检测",
                "MOLTEN_METAL, 熔融金属作业",
                "GENERAL",
                null);
        row(
                book,
                "CM-1 超能力、超强度或者超定员组织生产",
                CM,
                "超能力、超强度、超定员、超核定、超过+核定+能力、超过+核定+生产能力、下井人数+超过、井下+人数+超过、入井人数+超、超员",
                "OVER_CAPACITY, 超能力超定员",
                "MAJOR",
                "CM-1");
        row(book, "超员(其他行业)", NOT_CM, "超定员、作业人数+超过、超员、人数+超过+核定", "OVER_CAPACITY, 超能力超定员", "GENERAL", null);
        String gasOverLimit = "瓦斯超限、瓦斯+超限、瓦斯浓度+超、瓦斯浓度+达到、甲烷+超限、甲烷浓度+超、瓦斯+超过、甲烷+超过";
        row(book, "CM-2 瓦斯超限作业", CM, gasOverLimit, "GAS_OVER_LIMIT, 瓦斯超限", "MAJOR", "CM-2");
        row(book, "瓦斯超限(非煤)", NOT_CM, gasOverLimit, "GAS_OVER_LIMIT, 瓦斯超限", "GENERAL", null);
        row(
                book,
                "CM-3 煤与瓦斯突出矿井未实施防突出措施",
                CM,
                "防突+未、防突措施+未、未+区域预测、未+工作面预测、未+效果检验、防突+效果检验+未、突出危险+未、未采取+防突",
                "OUTBURST, 防突出",
                "MAJOR",
                "CM-3");
        row(
                book,
                "CM-4 瓦斯抽采系统、监控系统未建立或不能正常运行",
                CM,
                "甲烷传感器+未、甲烷传感器+失效、甲烷传感器+故障、甲烷传感器+被、甲烷传感器+位置、甲烷传感器+不、瓦斯传感器+、"
                        + "瓦斯抽采+未、抽采系统+不、抽采系统+未、监控系统+不能、安全监控系统+故障、安全监控+中断、监控+数据+造假、"
                        + "断电范围+不、未+安设+传感器、传感器+被+包裹、传感器+调校+未、未+调校",
                "GAS_MONITORING, 瓦斯抽采与监控",
                "MAJOR",
                "CM-4");
        String ventilation = "通风系统+不完善、通风系统+不可靠、串联通风、无风作业、微风作业、风量不足、风量+不足、局部通风机+停、"
                + "局扇+停、循环风、通风设施+损坏、风门+损坏、风门+同时+打开、未形成+通风系统、通风+不畅、通风+不良、主要通风机+故障、"
                + "一个+通风系统+超过";
        row(book, "CM-5 通风系统不完善、不可靠", CM, ventilation, "VENTILATION, 矿井通风", "MAJOR", "CM-5");
        row(book, "通风不良(其他行业)", NOT_CM, ventilation, "VENTILATION, 矿井通风", "GENERAL", null);
        String water =
                "水患、突水、透水、探放水+未、未+探放水、未+物探、防治水+未、积水区+未、老空水、老空+积水、涌水量+增大、" + "出水+征兆、排水系统+不、排水能力+不足、水泵+不足、有掘必探+未、水害+未";
        row(book, "CM-6 有严重水患，未采取有效措施", CM, water, "WATER_HAZARD, 水害", "MAJOR", "CM-6");
        row(book, "水害(其他矿山)", NOT_HC_IT_CM, water, "WATER_HAZARD, 水害", "GENERAL", null);
        String boundary = "超层越界、越界开采、超层开采、越界+开采、超出+矿界、超出+矿区范围、越层开采、越界+采矿、超越+批准+范围";
        row(book, "CM-7 超层越界开采", CM, boundary, "OVER_BOUNDARY, 超层越界", "MAJOR", "CM-7");
        row(book, "越界开采(非煤矿山)", NCM, boundary, "OVER_BOUNDARY, 超层越界", "GENERAL", null);
        row(book, "CM-8 有冲击地压危险，未采取有效措施", CM, "冲击地压+未、冲击地压+防治+未、冲击危险+未、防冲+未、未+卸压", "ROCKBURST, 冲击地压", "MAJOR", "CM-8");
        row(
                book,
                "CM-9 自然发火严重，未采取有效措施",
                CM,
                "自然发火、自燃+征兆、煤层自燃、采空区+一氧化碳+超、采空区+温度+升高、防灭火+未、注氮+未、发火+未+采取",
                "SPONTANEOUS_COMBUSTION, 自然发火",
                "MAJOR",
                "CM-9");
        String obsolete = "淘汰+设备、淘汰+工艺、明令禁止+设备、明令禁止+工艺、落后+工艺、淘汰目录、已淘汰、国家+淘汰、淘汰+的+设备";
        row(book, "CM-10 使用明令禁止或淘汰的设备、工艺", CM, obsolete, "OBSOLETE_EQUIPMENT, 淘汰落后设备工艺", "MAJOR", "CM-10");
        row(book, "HC-11 使用淘汰落后安全技术工艺、设备", HC, obsolete, "OBSOLETE_EQUIPMENT, 淘汰落后设备工艺", "MAJOR", "HC-11");
        row(book, "淘汰设备(其他行业)", NOT_CM_HC, obsolete, "OBSOLETE_EQUIPMENT, 淘汰落后设备工艺", "GENERAL", null);
        String power =
                "没有双回路、未+双回路、单回路供电、双回路+未、双回路+不、双重电源+未、未+双重电源、单电源供电、" + "不间断电源+未、未设置+不间断电源、UPS+未、未设置+UPS、无+UPS、无+不间断电源";
        row(book, "CM-11 煤矿没有双回路供电系统", CM, power, "POWER_SUPPLY, 双回路与不间断电源", "MAJOR", "CM-11");
        row(book, "HC-14 未设置双重电源供电、自动化控制系统无不间断电源", HC, power, "POWER_SUPPLY, 双回路与不间断电源", "MAJOR", "HC-14");
        row(book, "供电(其他行业)", NOT_CM_HC, power, "POWER_SUPPLY, 双回路与不间断电源", "GENERAL", null);
        String contractor = "承包单位+未+管理、承包单位+未+协调、未+统一协调、承租单位+未、承包商+未+管理、承包商+未+协调、"
                + "未签订+安全+协议、安全管理协议+未、未对+承包、外包+未+安全协议、以包代管、违法+转包、承包方+转包、劳务承包";
        row(book, "IT-3.1 未对承包、承租单位统一协调管理或定期检查", IT, contractor, "CONTRACTOR, 承包承租管理", "MAJOR", "IT-3.1");
        row(book, "CM-13 承包方再次转包、井下劳务承包", CM, "再次转包、承包方+转包、劳务承包、违法+转包、以包代管", "CONTRACTOR, 承包承租管理", "MAJOR", "CM-13");
        row(
                book,
                "承包承租管理(其他行业)",
                "NON_COAL_MINE, HAZARDOUS_CHEMICALS, CONSTRUCTION",
                contractor,
                "CONTRACTOR, 承包承租管理",
                "GENERAL",
                null);
        String procedures = "未建立+责任制、责任制+未建立、未制定+隐患排查治理制度、隐患排查治理制度+未、未制定+操作规程、"
                + "操作规程+未制定、无+操作规程、缺少+操作规程、操作规程+缺失、工艺控制指标+未、未制定+工艺控制指标";
        row(book, "HC-16/17 未建立全员责任制、隐患排查制度或操作规程", HC, procedures, "PROCEDURES, 责任制与操作规程", "MAJOR", "HC-17");
        row(book, "责任制与操作规程(其他行业)", NOT_HC, procedures, "PROCEDURES, 责任制与操作规程", "GENERAL", null);
        row(
                book,
                "违章作业、违规操作",
                null,
                "违规操作、违章作业、违章指挥、违反操作规程、违规作业、冒险作业、违章操作、未按+操作规程、不按+操作规程、擅自+操作、" + "擅自+拆除、擅自+改变+工艺、违反+规程",
                "VIOLATION, 违章作业",
                "GENERAL",
                null);
        row(
                book,
                "未定期检测检验",
                null,
                "未定期检测、未定期检验、未按期检测、未按期检验、超期未检、逾期未检、超过+检验周期、超过+检测周期、检验+过期、检测+过期、"
                        + "检验+超期、检测+超期、未年检、未进行+年检、未+定期+检、未经+检验、未按规定+检测、未按规定+检验、未+检测检验、"
                        + "检验合格+过期、未+定期+校验、未按期+校验、未+年度+检验、未+进行+检测",
                "TESTING_OVERDUE, 未定期检测检验",
                "GENERAL",
                null);
        row(
                book,
                "设备老化、带病运行",
                null,
                "设备老化、老化严重、老化+严重、带病运行、带病+运行、锈蚀严重、锈蚀+严重、腐蚀严重、腐蚀+严重、磨损严重、磨损+严重、"
                        + "年久失修、超期服役、跑冒滴漏、泄漏、渗漏、破损+严重、变形+严重、裂纹、老化+破损、线路老化",
                "EQUIPMENT_AGEING, 设备老化",
                "GENERAL",
                null);
        row(
                book,
                "消防通道、安全出口、消防设施",
                null,
                "消防通道+堵塞、消防通道+占用、安全出口+堵塞、安全出口+锁闭、安全出口+上锁、疏散通道+堵塞、疏散通道+占用、"
                        + "消防车道+占用、消防车道+堵塞、通道+堆放、消火栓+遮挡、消防栓+遮挡、灭火器+过期、灭火器+失效、灭火器+压力不足、"
                        + "灭火器+缺失、消防器材+缺失、未配备+灭火器、消防设施+损坏、消防水+不足、应急照明+损坏、疏散指示+损坏、"
                        + "应急照明+失效、疏散指示+缺失、防火门+损坏、消防栓+无水",
                "FIRE_SAFETY, 消防通道与设施",
                "GENERAL",
                null);
        row(
                book,
                "安全警示标识",
                null,
                "标识模糊、标识不清、标志模糊、标志不清、警示标志+缺失、警示标识+缺失、未设置+警示、未设+警示、缺少+警示、无+警示、"
                        + "未张贴+警示、标志+脱落、标识+脱落、告知牌+未、告知卡+未、安全标志+不全、无+安全标识、安全标识+缺失、"
                        + "职业病危害告知+未、警示+标志+不、标识+褪色",
                "SIGNAGE, 安全警示标识",
                "GENERAL",
                null);
        row(
                book,
                "安全培训教育不足",
                null,
                "培训不足、未+培训、未经+培训、培训+不到位、培训+记录+缺失、培训+学时+不足、培训学时+不足、三级安全教育+未、"
                        + "未开展+安全教育、安全教育+未、培训+不全、岗前培训+未、培训+流于形式、未进行+培训、安全教育培训+不、培训+档案+缺失、"
                        + "未接受+培训、未组织+培训、培训计划+未",
                "TRAINING, 安全培训",
                "GENERAL",
                null);
        row(
                book,
                "应急预案与演练",
                null,
                "演练缺失、未+演练、应急演练+未、演练+记录+缺失、演练+未+开展、应急预案+未、未编制+应急预案、未制定+应急预案、"
                        + "应急预案+过期、应急预案+未+备案、应急预案+未+修订、应急物资+不足、应急物资+缺失、应急器材+缺失、未配备+应急、"
                        + "无+应急预案、缺少+应急预案、演练+不足、未+按+计划+演练",
                "EMERGENCY_PREPAREDNESS, 应急预案与演练",
                "GENERAL",
                null);
        row(
                book,
                "劳动防护用品",
                null,
                "未佩戴+安全帽、未戴+安全帽、未佩戴+防护、未正确佩戴、未配备+防护用品、劳动防护用品+未、劳动防护用品+不、未穿+防护、"
                        + "防护用品+不、未佩戴+呼吸器、未佩戴+口罩、未佩戴+防尘、未佩戴+护目镜、未佩戴+耳塞、未佩戴+手套、未佩戴+劳保",
                "PPE, 劳动防护用品",
                "GENERAL",
                null);
        row(
                book,
                "临时用电与电气",
                null,
                "私拉乱接、乱拉乱接、临时用电+不、一闸多机、一闸多用、未设置+漏电保护、漏电保护器+失效、漏电保护+失效、电线+破损、"
                        + "电缆+破损、电缆+老化、配电箱+未+接地、未+接地、接地+不良、电气线路+老化、配电箱+未+上锁、配电箱+门+未、电线+裸露、"
                        + "绝缘+破损、保护接零+未",
                "ELECTRICAL, 临时用电与电气",
                "GENERAL",
                null);
        row(
                book,
                "高处作业与临边洞口防护",
                null,
                "临边+未+防护、临边防护+缺失、临边+无+防护、洞口+未+防护、洞口+无+防护、未系+安全带、安全带+未+系挂、安全带+未+挂、"
                        + "安全网+破损、安全网+未、未设置+防护栏杆、防护栏杆+缺失、护栏+缺失、脚手架+未、脚手架+搭设+不、脚手架+连墙件+、"
                        + "脚手板+未+满铺、高处作业+未、高处+坠落+风险+未",
                "FALL_PROTECTION, 高处作业与临边防护",
                "GENERAL",
                null);
        row(
                book,
                "起重机械",
                null,
                "塔吊+超载、塔吊+限位+、塔式起重机+限位+、起重机+限位+失效、限位器+失效、限位器+损坏、力矩限制器+失效、力矩限制器+未、"
                        + "吊钩+防脱+、钢丝绳+断丝、钢丝绳+磨损、钢丝绳+断股、起重+无+指挥、吊装+无+指挥、吊装+未+警戒、起重机+未+检验、"
                        + "塔吊+未+检测、塔吊+附着+、起重机+制动器+、行车+限位+",
                "LIFTING, 起重机械",
                "GENERAL",
                null);
        row(
                book,
                "顶板与边坡",
                null,
                "顶板+破碎、顶板+离层、冒顶、片帮、浮石+未+清理、浮石+未+处理、支护+不、未+支护、空顶作业、支护+失效、锚杆+失效、"
                        + "敲帮问顶+未、边坡+裂缝、边坡+滑坡、边坡+过陡、台阶+高度+超、伞檐、危岩+未+清理",
                "GROUND_CONTROL, 顶板与边坡",
                "GENERAL",
                null);
        row(
                book,
                "尾矿库",
                NCM,
                "尾矿库+浸润线、尾矿库+干滩、尾矿库+排洪、尾矿坝+裂缝、尾矿坝+渗漏、尾矿库+超+库容、尾矿库+安全超高、排洪设施+堵塞、" + "排洪+不畅、尾矿库+坝体、坝体+渗漏、坝体+裂缝",
                "TAILINGS, 尾矿库",
                "GENERAL",
                null);
        row(
                book,
                "爆破与民用爆炸物品",
                null,
                "爆破+未+警戒、爆破+警戒+不、民用爆炸物品+、炸药+雷管+同、雷管+混存、炸药+混存、火工品+未、火工品+管理+不、" + "爆破+违规、盲炮+未+处理、爆破作业+无证、爆破+安全距离+不足",
                "BLASTING, 爆破与火工品",
                "GENERAL",
                null);
        book.blankRow();
        examples(book);
        return book.toBytes();
    }

    private static void row(
            DecisionTableWorkbook book,
            String description,
            String sectors,
            String phrases,
            String type,
            String grade,
            String criterion) {
        book.row(description, sectors, phrases, type, grade, criterion == null ? "" : criterion);
    }

    private static void examples(DecisionTableWorkbook book) {
        book.examples(
                        """
                        每行是一条隐患描述及其企业行业，右侧为规则必须给出的隐患类型（按字母排序、逗号分隔，没有则写 NONE）、\
                        建议级别和判定标准条款；任一案例不通过，该版本不能激活。 Each row is a hazard description and its \
                        enterprise's sector, and the types (sorted, comma-separated, NONE when none), the suggested grade \
                        and the criteria the table must give it.""",
                        List.of(
                                "NAME",
                                "INPUT description",
                                "INPUT sector",
                                "EXPECT types",
                                "EXPECT grade",
                                "EXPECT criteria"),
                        List.of(
                                "案例 Case",
                                "隐患描述 Description",
                                "行业 Sector",
                                "期望类型 Expected types",
                                "建议级别 Suggested grade",
                                "判定标准 Criteria"))
                .row(
                        "未定期检测 counts",
                        "储罐区可燃气体检测报警仪未定期检测",
                        "HAZARDOUS_CHEMICALS",
                        "GAS_DETECTION, TESTING_OVERDUE",
                        "GENERAL",
                        "NONE")
                .row("已定期检测 does not", "储罐区可燃气体检测报警仪已定期检测，运行正常", "HAZARDOUS_CHEMICALS", "NONE", "GENERAL", "NONE")
                .row("否定词 negated", "现场检查未发现消防通道堵塞", "OTHER", "NONE", "GENERAL", "NONE")
                .row(
                        "无证上岗 in chemicals is HC-2",
                        "电工特种作业人员无证上岗",
                        "HAZARDOUS_CHEMICALS",
                        "UNCERTIFIED_WORK",
                        "MAJOR",
                        "HC-2")
                .row(
                        "无证上岗 in construction is general",
                        "电焊工无证上岗",
                        "CONSTRUCTION",
                        "UNCERTIFIED_WORK",
                        "GENERAL",
                        "NONE")
                .row("漏设报警 HC-12", "液氨储罐区未设置有毒气体检测报警装置", "HAZARDOUS_CHEMICALS", "GAS_DETECTION", "MAJOR", "HC-12")
                .row("瓦斯超限 CM-2", "3102 回风巷瓦斯浓度达到 1.2% 仍组织作业，瓦斯超限", "COAL_MINE", "GAS_OVER_LIMIT", "MAJOR", "CM-2")
                .row("超层越界 CM-7", "井下超层越界开采", "COAL_MINE", "OVER_BOUNDARY", "MAJOR", "CM-7")
                .row("有限空间 IT-13.2", "污水池有限空间作业未执行先通风、再检测、后作业，且无专人监护", "OTHER", "CONFINED_SPACE", "MAJOR", "IT-13.2")
                .row("积尘 IT-11.10", "抛光车间积尘严重，未落实粉尘清理制度", "OTHER", "DUST_EXPLOSION", "MAJOR", "IT-11.10")
                .row("两类 two types", "消防通道堵塞，安全出口标识模糊", "OTHER", "FIRE_SAFETY, SIGNAGE", "GENERAL", "NONE")
                .row("无证 is not 无", "叉车司机无证驾驶且消防通道堵塞", "OTHER", "FIRE_SAFETY, UNCERTIFIED_WORK", "MAJOR", "IT-3.2");
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/hazard-types.xlsx");
        Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
