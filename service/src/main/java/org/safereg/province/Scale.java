package org.safereg.province;

import java.util.SplittableRandom;

/** Enterprise size by headcount, after the statistical classification of industrial enterprises. */
enum Scale {
    LARGE(1000, 8000, 0.08),
    MEDIUM(300, 999, 0.04),
    SMALL(20, 299, 0.0),
    MICRO(3, 19, -0.04);

    private final int minEmployees;
    private final int maxEmployees;
    /** Larger firms keep a safety department and tend to be more diligent. */
    final double diligenceBonus;

    Scale(int minEmployees, int maxEmployees, double diligenceBonus) {
        this.minEmployees = minEmployees;
        this.maxEmployees = maxEmployees;
        this.diligenceBonus = diligenceBonus;
    }

    /** Log-uniform within the band: there are many more firms near its lower bound than near its upper one. */
    int employees(SplittableRandom random) {
        double low = Math.log(minEmployees);
        double high = Math.log(maxEmployees + 1);
        return Math.min(maxEmployees, (int) Math.exp(low + random.nextDouble() * (high - low)));
    }

    static Scale pick(double[] mix, SplittableRandom random) {
        double r = random.nextDouble();
        Scale[] scales = values();
        for (int i = 0; i < scales.length - 1; i++) {
            r -= mix[i];
            if (r < 0) {
                return scales[i];
            }
        }
        return scales[scales.length - 1];
    }
}
