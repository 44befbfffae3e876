package org.safereg.enterprise;

/** Administrative division codes (行政区划代码): province 140000, city 140100, county 140105. */
public final class RegionCodes {

    private RegionCodes() {}

    /**
     * The prefix every code inside {@code region} starts with, for "this region and its sub-regions":
     * 140000 → "14", 140100 → "1401", 140105 → "140105"; {@code null} stays {@code null}.
     */
    public static String prefix(String region) {
        if (region == null) {
            return null;
        }
        String prefix = region;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }
}
