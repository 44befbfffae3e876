package org.safereg.province;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The words of the synthetic province: enterprise names built like real ones (place, trade name, industry,
 * legal form) and hazard, violation and accident descriptions in the phrasing inspectors use.
 */
final class Texts {

    private static final String TRADE_NAME_CHARACTERS = "宏达鑫泰盛华兴安恒金源瑞丰祥隆昌远通利德永嘉润晟博" + "创新宇辉腾凯旭诚信和佳益富聚合天海峰嵘耀明阳光荣誉众";

    /** Hazard kinds: the phrase inspectors write, and where it is typically found. */
    enum HazardKind {
        NOT_TESTED("未定期检测", List.of("压力容器", "可燃气体检测报警器", "安全阀", "起重机械", "防雷接地装置", "有毒气体检测报警仪")),
        AGAINST_RULES("违规操作", List.of("动火作业", "受限空间作业", "高处作业", "装卸作业", "临时用电作业")),
        UNLICENSED_SPECIAL_WORK("特种作业无证上岗", List.of("电工", "焊工", "起重机司机", "叉车司机", "爆破作业人员")),
        AGEING_EQUIPMENT("设备老化", List.of("输送管道", "配电柜", "提升机", "通风机", "消防水泵")),
        INSUFFICIENT_TRAINING("安全培训不足", List.of("新员工三级安全教育", "班组长", "外包作业人员", "危险作业人员")),
        MISSING_DRILL("应急演练缺失", List.of("年度综合应急预案", "专项应急预案", "现场处置方案")),
        FIRE_LANE_BLOCKED("消防通道堵塞", List.of("仓库", "厂区", "宿舍楼", "生产车间")),
        UNCLEAR_SIGNAGE("标识模糊", List.of("安全警示", "管道介质流向", "安全出口", "危险化学品储存场所"));

        private final String phrase;
        private final List<String> places;

        HazardKind(String phrase, List<String> places) {
            this.phrase = phrase;
            this.places = places;
        }
    }

    // What a province's risk heat map finds at each level: unlicensed special work and ageing equipment at
    // the high-risk enterprises, missing training and drills at the middle ones, blocked lanes and poor signs
    // everywhere.
    private static final HazardKind[] CARELESS = {
        HazardKind.UNLICENSED_SPECIAL_WORK, HazardKind.AGEING_EQUIPMENT, HazardKind.AGAINST_RULES,
        HazardKind.NOT_TESTED, HazardKind.INSUFFICIENT_TRAINING, HazardKind.MISSING_DRILL
    };
    private static final HazardKind[] ORDINARY = {
        HazardKind.INSUFFICIENT_TRAINING, HazardKind.MISSING_DRILL, HazardKind.NOT_TESTED,
        HazardKind.FIRE_LANE_BLOCKED, HazardKind.UNCLEAR_SIGNAGE, HazardKind.AGEING_EQUIPMENT
    };
    private static final HazardKind[] DILIGENT = {
        HazardKind.FIRE_LANE_BLOCKED, HazardKind.UNCLEAR_SIGNAGE, HazardKind.NOT_TESTED
    };
    private static final HazardKind[] MAJOR = {
        HazardKind.UNLICENSED_SPECIAL_WORK, HazardKind.NOT_TESTED, HazardKind.AGEING_EQUIPMENT, HazardKind.AGAINST_RULES
    };

    /** A violation: the Work Safety Law (2021) article and the conduct it penalises, with the fine's ceiling. */
    record ViolationKind(String article, String description, int maxFine) {}

    static final List<ViolationKind> VIOLATIONS = List.of(
            new ViolationKind("WSL-97", "未按照规定对从业人员进行安全生产教育和培训", 100_000),
            new ViolationKind("WSL-97", "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业", 100_000),
            new ViolationKind("WSL-97", "未按照规定制定生产安全事故应急救援预案或者未定期组织演练", 100_000),
            new ViolationKind("WSL-97", "未将事故隐患排查治理情况如实记录或者未向从业人员通报", 100_000),
            new ViolationKind("WSL-99", "未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志", 50_000),
            new ViolationKind("WSL-99", "未对安全设备进行经常性维护、保养和定期检测", 50_000),
            new ViolationKind("WSL-101", "未建立事故隐患排查治理制度", 100_000),
            new ViolationKind("WSL-101", "进行动火、临时用电等危险作业未安排专门人员进行现场安全管理", 100_000),
            new ViolationKind("WSL-105", "生产经营场所未设有符合紧急疏散需要、标志明显、保持畅通的出口和疏散通道", 50_000));

    static final ViolationKind UNRECTIFIED_HAZARD = new ViolationKind("WSL-102", "未采取措施消除事故隐患", 50_000);

    static final String ART_114 = "WSL-114";

    private Texts() {}

    static String enterpriseName(String place, Sector sector, Scale scale, SplittableRandom random) {
        String tradeName = "" + pick(TRADE_NAME_CHARACTERS, random) + pick(TRADE_NAME_CHARACTERS, random);
        String industry = sector.industryWords.get(random.nextInt(sector.industryWords.size()));
        String form =
                switch (scale) {
                    case LARGE -> random.nextBoolean() ? "集团有限公司" : "股份有限公司";
                    case MEDIUM -> random.nextInt(3) == 0 ? "股份有限公司" : "有限责任公司";
                    default -> random.nextInt(3) == 0 ? "有限责任公司" : "有限公司";
                };
        return place + tradeName + industry + form;
    }

    static String hazardDescription(boolean major, double diligence, SplittableRandom random) {
        HazardKind[] kinds = major ? MAJOR : diligence < 0.5 ? CARELESS : diligence < 0.8 ? ORDINARY : DILIGENT;
        HazardKind kind = kinds[random.nextInt(kinds.length)];
        String place = kind.places.get(random.nextInt(kind.places.size()));
        return (major ? "涉及重大危险源的" : "") + place + kind.phrase;
    }

    static ViolationKind violation(SplittableRandom random) {
        return VIOLATIONS.get(random.nextInt(VIOLATIONS.size()));
    }

    static String accidentDescription(Sector sector, String gradeWord, int deaths, SplittableRandom random) {
        List<String> kinds =
                switch (sector) {
                    case COAL_MINE -> List.of("顶板", "瓦斯", "运输", "机电", "透水");
                    case NON_COAL_MINE -> List.of("坍塌", "高处坠落", "爆破", "冒顶片帮");
                    case HAZARDOUS_CHEMICALS -> List.of("中毒和窒息", "火灾", "爆炸", "灼烫");
                    case METAL_SMELTING -> List.of("灼烫", "起重伤害", "煤气中毒", "爆炸");
                    case CONSTRUCTION -> List.of("高处坠落", "物体打击", "坍塌", "起重伤害");
                    case OTHER -> List.of("机械伤害", "触电", "火灾", "车辆伤害");
                };
        String kind = kinds.get(random.nextInt(kinds.size()));
        return gradeWord + kind + "事故，" + (deaths == 0 ? "无人员死亡" : "死亡 " + deaths + " 人");
    }

    static String art114Description(String gradeWord) {
        return "对发生的" + gradeWord + "生产安全事故负有责任";
    }

    private static char pick(String characters, SplittableRandom random) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
