package io.tipoff.engine;

/**
 * The random stream of one game: xoroshiro128++ (Blackman and Vigna), started from a hash of the job's seed and the
 * game's index alone. Game 1,234 of seed 42 draws the same numbers whichever chunk, thread or worker plays it, so the
 * way a job is split never changes its result.
 */
public final class GameRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;

    /** Positions this stream at the start of game {@code gameIndex} of the job seeded with {@code seed}. */
    public void startGame(long seed, long gameIndex) {
        long z = mix64(mix64(seed) + gameIndex * GOLDEN_GAMMA);
        s0 = z;
        s1 = mix64(z + GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA; // the one state xoroshiro cannot leave
        }
    }

    /** 64 uniformly distributed bits. */
    public long nextLong() {
        long a = s0;
        long b = s1;
        long result = Long.rotateLeft(a + b, 17) + a;
        b ^= a;
        s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
        s1 = Long.rotateLeft(b, 28);
        return result;
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Stafford's variant 13 of the MurmurHash3 finalizer, as in SplitMix64: a bijection of 64 bits in which every input
     * bit moves about half the output bits; for deriving seeds from seeds.
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
