package org.safereg.risk;

/** The four warning colours, lowest first: blue 低风险, yellow 一般风险, orange 较大风险, red 重大风险. */
public enum RiskLevel {
    BLUE,
    YELLOW,
    ORANGE,
    RED;

    static boolean isLevel(String name) {
        for (RiskLevel level : values()) {
            if (level.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
