package org.safereg.province;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The region tree of the synthetic province: one province with administrative division code 140000, 11
 * cities and 8 to 12 counties each, with made-up names so that nobody mistakes it for a real place. The
 * tree does not depend on the generation seed, so that a region code seen in one generated province means
 * the same county in every other.
 */
final class ProvinceRegions {

    static final String PROVINCE_CODE = "140000";
    static final String PROVINCE_NAME = "示范省";
    private static final int CITIES = 11;
    private static final long TREE_SEED = 140_000L;

    private static final String PLACE_CHARACTERS =
            "东西南北清云安平宁丰长永青明金石河山阳川泉源湖岭峰林庆和新兴德昌隆泰华" + "福康乐盛远定武文成宝通龙凤柳桃梅松榆沁汾漳原谷嘉兰宜春秀临白黄章鹿鸣翠屏祁灵襄沃潞浮";

    private final List<Region> regions;
    private final List<Region> counties;
    private final Map<Sector, double[]> cumulativeWeights = new EnumMap<>(Sector.class);

    ProvinceRegions() {
        SplittableRandom random = new SplittableRandom(TREE_SEED);
        Set<String> usedNames = new HashSet<>();
        List<Region> all = new ArrayList<>();
        List<Region> countyList = new ArrayList<>();
        List<double[]> countyTraits = new ArrayList<>();
        all.add(new Region(PROVINCE_CODE, PROVINCE_NAME, "PROVINCE", null));
        for (int city = 1; city <= CITIES; city++) {
            String cityCode = PROVINCE_CODE.substring(0, 2) + "%02d00".formatted(city);
            String cityName = placeName(random, usedNames);
            all.add(new Region(cityCode, cityName + "市", "CITY", PROVINCE_CODE));
            int total = 8 + random.nextInt(5);
            int districts = 2 + random.nextInt(3);
            int countyLevelCities = random.nextInt(3) == 0 ? 1 : 0;
            int plainCounties = total - districts - countyLevelCities;
            // division codes number districts from 02, counties from 21 and county-level cities from 81
            for (int i = 0; i < total; i++) {
                String suffix;
                int number;
                if (i < districts) {
                    suffix = "区";
                    number = 2 + i;
                } else if (i < districts + plainCounties) {
                    suffix = "县";
                    number = 21 + i - districts;
                } else {
                    suffix = "市";
                    number = 81 + i - districts - plainCounties;
                }
                String code = cityCode.substring(0, 4) + "%02d".formatted(number);
                Region county = new Region(code, placeName(random, usedNames) + suffix, "COUNTY", cityCode);
                all.add(county);
                countyList.add(county);
                countyTraits.add(traits(random, i < districts));
            }
        }
        this.regions = Collections.unmodifiableList(all);
        this.counties = Collections.unmodifiableList(countyList);
        for (Sector sector : Sector.values()) {
            double[] cumulative = new double[countyList.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                double[] t = countyTraits.get(i);
                double weight = t[0] * (sector.isMine() ? t[1] : sector.isProcessIndustry() ? t[2] : 1.0);
                sum += weight;
                cumulative[i] = sum;
            }
            cumulativeWeights.put(sector, cumulative);
        }
    }

    /** Enterprise density, mining and chemical-park factors of one county. */
    private static double[] traits(SplittableRandom random, boolean district) {
        double density = district ? 1.5 + 1.5 * random.nextDouble() : 0.5 + random.nextDouble();
        double mining = district ? 0.1 : random.nextDouble() < 0.35 ? 3.0 + random.nextDouble() : 0.3;
        double chemicalPark = random.nextDouble() < 0.25 ? 3.0 : 0.8;
        return new double[] {density, mining, chemicalPark};
    }

    private static String placeName(SplittableRandom random, Set<String> used) {
        while (true) {
            char first = PLACE_CHARACTERS.charAt(random.nextInt(PLACE_CHARACTERS.length()));
            char second = PLACE_CHARACTERS.charAt(random.nextInt(PLACE_CHARACTERS.length()));
            String name = "" + first + second;
            if (first != second && used.add(name)) {
                return name;
            }
        }
    }

    /** Province first, then each city followed by its counties: parents always precede their children. */
    List<Region> all() {
        return regions;
    }

    List<Region> counties() {
        return counties;
    }

    /** A county for a new enterprise of the sector: mines go where the ore is, chemicals to the parks. */
    Region pickCounty(Sector sector, SplittableRandom random) {
        double[] cumulative = cumulativeWeights.get(sector);
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] <= target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return counties.get(low);
    }
}
