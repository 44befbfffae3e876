package org.safereg.inspection;

/**
 * The plan's random numbers: SplitMix64 (Steele, Lea and Flood, 2014), spelled out here rather than taken
 * from the JDK so that anyone holding a published plan's seed can re-run the draw (一公开) on any platform
 * and any Java version and get the same numbers. Not thread-safe; not for secrets.
 */
final class SeededDraw {

    private long state;

    SeededDraw(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without the bias of a plain remainder. */
    long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long value;
        do {
            value = nextLong() >>> 1;
        } while (value >= limit);
        return value % bound;
    }

    int nextInt(int bound) {
        return (int) nextLong(bound);
    }
}
