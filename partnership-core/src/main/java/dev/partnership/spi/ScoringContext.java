package dev.partnership.spi;

import dev.partnership.Partnership;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a strategy may read: the partnership, its evidence index as of {@code asOf}, and the evaluation's
 * settings. Immutable and thread-safe.
 *
 * @param partnership     the partnership (its lists include evidence after {@code asOf}; use {@code evidence})
 * @param evidence        the columnar index of the evidence at or before {@code asOf}
 * @param asOf            the evaluation time
 * @param confidenceLevel level of every interval, in (0, 1)
 * @param seed            the evaluation's seed; use {@link #seedFor(String)} for a strategy's own stream
 * @param minCellSize     privacy threshold in respondents
 */
public record ScoringContext(Partnership partnership, EvidenceIndex evidence, Instant asOf, double confidenceLevel,
                             long seed, int minCellSize) {

    /** Validates the components. */
    public ScoringContext {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(asOf, "asOf");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must lie in (0, 1), was " + confidenceLevel);
        }
    }

    /**
     * Returns a seed for one strategy's random stream, derived from the evaluation seed and the strategy id with
     * the SplitMix64 finaliser, so that enabling another strategy never changes this one's numbers.
     *
     * @param strategyId the strategy's id
     * @return the derived seed
     */
    public long seedFor(String strategyId) {
        long z = seed ^ (0x9E3779B97F4A7C15L * strategyId.hashCode());
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the two-sided standard normal quantile for the confidence level: {@code z} with
     * {@code P(|Z| <= z) = confidenceLevel}.
     *
     * @return the quantile, for example 1.959964 at 0.95
     */
    public double z() {
        return dev.partnership.internal.NormalQuantile.twoSided(confidenceLevel);
    }
}
