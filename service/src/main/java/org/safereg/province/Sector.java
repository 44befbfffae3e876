package org.safereg.province;

import java.util.List;

/**
 * The sectors of the synthetic province with the figures that shape their enterprises. Shares follow the
 * mix a provincial work-safety bureau supervises; the per-sector rates are relative and only need to
 * rank the sectors the way accident statistics do (mines and construction above manufacturing).
 */
enum Sector {
    // share, licensed, hazards/yr, major share, accident risk, major-hazard-source share, scale mix (L/M/S/micro)
    HAZARDOUS_CHEMICALS(
            0.25,
            true,
            4.0,
            0.07,
            1.2,
            0.35,
            new double[] {0.04, 0.16, 0.50, 0.30},
            List.of("化工", "化学", "精细化工", "石化", "气体", "燃气", "新材料", "农药")),
    CONSTRUCTION(
            0.20,
            true,
            3.0,
            0.04,
            1.8,
            0.0,
            new double[] {0.05, 0.20, 0.45, 0.30},
            List.of("建设", "建筑工程", "建工", "路桥", "安装工程")),
    OTHER(
            0.35,
            false,
            1.6,
            0.025,
            0.4,
            0.015,
            new double[] {0.01, 0.08, 0.41, 0.50},
            List.of("机械", "食品", "纺织", "物流", "木业", "包装", "电子", "制药", "陶瓷", "家具", "印刷")),
    METAL_SMELTING(
            0.08,
            false,
            3.5,
            0.06,
            1.5,
            0.10,
            new double[] {0.08, 0.22, 0.50, 0.20},
            List.of("冶金", "钢铁", "铝业", "铸造", "特钢", "镁业", "有色金属")),
    NON_COAL_MINE(
            0.08,
            true,
            4.0,
            0.07,
            2.5,
            0.03,
            new double[] {0.03, 0.15, 0.52, 0.30},
            List.of("矿业", "石料", "铁矿", "石膏矿", "砂石")),
    COAL_MINE(0.04, true, 5.5, 0.08, 3.0, 0.03, new double[] {0.15, 0.35, 0.45, 0.05}, List.of("煤业", "焦煤", "矿业", "能源"));

    final double share;
    /**
     * Needs a safety production licence (安全生产许可证条例 Art. 2: mines, construction enterprises and
     * producers of hazardous chemicals; traders of hazardous chemicals need an operating licence instead).
     */
    final boolean licensed;

    final double hazardsPerYear;
    final double majorShare;
    final double accidentRisk;
    final double majorHazardSourceShare;
    final double[] scaleMix;
    final List<String> industryWords;

    Sector(
            double share,
            boolean licensed,
            double hazardsPerYear,
            double majorShare,
            double accidentRisk,
            double majorHazardSourceShare,
            double[] scaleMix,
            List<String> industryWords) {
        this.share = share;
        this.licensed = licensed;
        this.hazardsPerYear = hazardsPerYear;
        this.majorShare = majorShare;
        this.accidentRisk = accidentRisk;
        this.majorHazardSourceShare = majorHazardSourceShare;
        this.scaleMix = scaleMix;
        this.industryWords = industryWords;
    }

    boolean isMine() {
        return this == COAL_MINE || this == NON_COAL_MINE;
    }

    /** Sectors whose enterprises cluster in chemical parks and smelting zones rather than in mining areas. */
    boolean isProcessIndustry() {
        return this == HAZARDOUS_CHEMICALS || this == METAL_SMELTING;
    }
}
