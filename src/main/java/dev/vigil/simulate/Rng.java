package dev.vigil.simulate;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** A seeded random source with the draws the generators need; splitting yields independent per-entity sources. */
final class Rng {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] B32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final RandomGenerator.SplittableGenerator g;

    private Rng(RandomGenerator.SplittableGenerator g) {
        this.g = g;
    }

    static Rng seeded(long seed) {
        return new Rng(RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X128MixRandom").create(seed));
    }

    Rng split() {
        return new Rng(g.split());
    }

    int between(int lowInclusive, int highInclusive) {
        return g.nextInt(lowInclusive, highInclusive + 1);
    }

    long between(long lowInclusive, long highInclusive) {
        return g.nextLong(lowInclusive, highInclusive + 1);
    }

    double unit() {
        return g.nextDouble();
    }

    boolean chance(double p) {
        return g.nextDouble() < p;
    }

    /** Exponential draw with the given mean. */
    double exp(double mean) {
        return -Math.log(1.0 - g.nextDouble()) * mean;
    }

    double gaussian(double mean, double sd) {
        return g.nextGaussian(mean, sd);
    }

    long nextLong() {
        return g.nextLong();
    }

    <T> T pick(List<T> items) {
        return items.get(g.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[g.nextInt(items.length)];
    }

    /** Picks an index with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = g.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    String hex(int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = HEX[g.nextInt(16)];
        }
        return new String(c);
    }

    String base62(int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = B62[g.nextInt(62)];
        }
        return new String(c);
    }

    String base32(int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = B32[g.nextInt(32)];
        }
        return new String(c);
    }

    String alpha(int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = (char) ('a' + g.nextInt(26));
        }
        return new String(c);
    }

    /** A random RFC 4122 version-4 UUID string. */
    String uuid() {
        String h = hex(32);
        char variant = HEX[8 + g.nextInt(4)];
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** A public IPv4 address outside private, loopback, link-local, CGNAT and multicast space. */
    String publicIp() {
        while (true) {
            int a = between(1, 223);
            if (a == 10 || a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 198 || a == 0) {
                continue;
            }
            return a + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
        }
    }

    /** An ephemeral client port as Windows and Linux allocate them. */
    int ephemeralPort() {
        return between(49152, 65535);
    }
}
