package org.shinsei.sample;

import java.util.SplittableRandom;

/** Seeded random numbers for one drawn item, derived from a generator seed and a per-item salt. */
final class Jitter {

    private final SplittableRandom random;

    Jitter(long seed, long salt) {
        this.random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + salt));
    }

    /** Uniform in [-amplitude, amplitude]. */
    double plusMinus(double amplitude) {
        return (random.nextDouble() * 2 - 1) * amplitude;
    }

    double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
