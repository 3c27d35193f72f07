package dev.partnership.metrics.stats;

/**
 * The decay factor {@code exp(−rate · age)} of evidence aged {@code age} whole time units (for example milliseconds),
 * for loops that weigh millions of time-sorted signals: a half-life h gives {@code rate = ln 2 / h} and the factor
 * {@code 2^(−age/h)}.
 *
 * <p><b>Method.</b> The age is split exactly into a coarse part and a remainder, {@code age = c + f} with c a
 * multiple of {@code 2^k} ({@link #coarseShift()}) and {@code 0 ≤ f < 2^k}, k the largest with
 * {@code rate · 2^k ≤ 1/64}. Then {@code exp(−rate·age) = exp(−rate·c) · exp(−rate·f)}: the coarse factor is one
 * {@link StrictMath#exp} that a caller walking time-sorted ages computes only when c changes (a few hundred times
 * over years of evidence), and the fine factor is the degree-7 Taylor polynomial of {@code exp(−x)} on
 * {@code x = rate·f ∈ [0, 1/64]}, whose truncation error {@code x⁸/8! < 1e-19} is far below a rounding (the table
 * and polynomial method of Tang, P. T. P. (1989), "Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic", <i>ACM TOMS</i> 15(2), with the table replaced by the caller's cache). The product is
 * within a few ulps of {@code exp} of the rounded argument {@code rate · age} (about 1e-15 relative for arguments
 * up to 4), and because only {@link StrictMath} and basic arithmetic are used the result is the same bit for bit
 * on every JVM.
 *
 * <p><b>Cost.</b> {@link #fine(long)}: about 9 floating-point multiplications and 7 additions, no call; {@link #coarse(long)} and
 * {@link #factor(long)}: one {@link StrictMath#exp}. Immutable and thread-safe.
 */
public final class ExponentialDecay {
    /** Largest argument of the fine polynomial, {@code rate · 2^k}. */
    private static final double MAX_FINE_ARGUMENT = 1.0 / 64;

    private final double rate;
    private final int shift;
    private final long mask;

    private ExponentialDecay(double rate) {
        this.rate = rate;
        int k = 62;
        if (rate > 0) {
            // The largest k with rate · 2^k <= 1/64 (k = 0 when even one unit is a larger step).
            k = 0;
            while (k < 62 && rate * (double) (1L << (k + 1)) <= MAX_FINE_ARGUMENT) {
                k++;
            }
        }
        this.shift = k;
        this.mask = (1L << k) - 1;
    }

    /**
     * Returns the decay with the given rate per time unit.
     *
     * @param rate decay rate per unit of age, finite and {@code >= 0}; 0 means no decay (every factor 1)
     * @return the decay
     * @throws IllegalArgumentException when the rate is negative, NaN or infinite
     */
    public static ExponentialDecay ofRate(double rate) {
        if (!(rate >= 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("decay rate must be finite and >= 0, was " + rate);
        }
        return new ExponentialDecay(rate);
    }

    /**
     * Returns the decay rate per time unit.
     *
     * @return the rate, {@code >= 0}
     */
    public double rate() {
        return rate;
    }

    /**
     * Returns k, where the coarse part of an age is the age with its low k bits cleared.
     *
     * @return k in [0, 62]
     */
    public int coarseShift() {
        return shift;
    }

    /**
     * Returns the coarse part of an age, {@code age} with its low {@link #coarseShift()} bits cleared.
     *
     * @param age a non-negative age in time units
     * @return the coarse part, {@code <= age}
     */
    public long coarsePart(long age) {
        return age & ~mask;
    }

    /**
     * Returns {@code exp(−rate · coarse)} by {@link StrictMath#exp}.
     *
     * @param coarse a coarse part from {@link #coarsePart(long)} (any non-negative age is accepted)
     * @return the factor in [0, 1]
     */
    public double coarse(long coarse) {
        return StrictMath.exp(-rate * (double) coarse);
    }

    /**
     * Returns {@code exp(−rate · (age − coarsePart(age)))} by the degree-7 polynomial: the factor of the remainder.
     *
     * @param age a non-negative age in time units
     * @return the factor in (e^(−1/64), 1]
     */
    public double fine(long age) {
        double x = rate * (double) (age & mask);
        // Horner form of 1 − x + x²/2 − x³/6 + … − x⁷/5040.
        return 1 - x * (1 - x * (1.0 / 2 - x * (1.0 / 6 - x * (1.0 / 24 - x * (1.0 / 120
                - x * (1.0 / 720 - x * (1.0 / 5040)))))));
    }

    /**
     * Returns the whole factor {@code exp(−rate · age) = coarse(coarsePart(age)) · fine(age)}.
     *
     * @param age a non-negative age in time units
     * @return the factor in [0, 1]
     */
    public double factor(long age) {
        return coarse(coarsePart(age)) * fine(age);
    }
}
