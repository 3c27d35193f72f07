package dev.partnership.spi;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.EvaluationConfig;
import dev.partnership.Partnership;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
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
 * @param weights         weight of each dimension in the composite health index
 *                        ({@link EvaluationConfig#weight(Dimension)}); dimensions not present weigh 0
 * @param summaries       the summaries of the other dimensions: empty for ordinary strategies, filled for a
 *                        strategy that {@link ScoringStrategy#readsSummaries() reads summaries}
 */
public record ScoringContext(Partnership partnership, EvidenceIndex evidence, Instant asOf, double confidenceLevel,
                             long seed, int minCellSize, Map<Dimension, Double> weights,
                             Map<Dimension, DimensionSummary> summaries) {

    /** Validates and copies the components. */
    public ScoringContext {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(asOf, "asOf");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must lie in (0, 1), was " + confidenceLevel);
        }
        EnumMap<Dimension, Double> w = new EnumMap<>(Dimension.class);
        Objects.requireNonNull(weights, "weights").forEach((d, v) -> {
            if (v == null || !Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("weight for " + d + " must be finite and >= 0, was " + v);
            }
            w.put(d, v);
        });
        weights = Collections.unmodifiableMap(w);
        EnumMap<Dimension, DimensionSummary> sums = new EnumMap<>(Dimension.class);
        sums.putAll(Objects.requireNonNull(summaries, "summaries"));
        summaries = Collections.unmodifiableMap(sums);
    }

    /**
     * Creates a context with the default composite weights ({@link EvaluationConfig#DEFAULT_WEIGHT} for every
     * component dimension) and no summaries: the context an ordinary strategy sees.
     *
     * @param partnership     the partnership
     * @param evidence        its evidence index as of {@code asOf}
     * @param asOf            the evaluation time
     * @param confidenceLevel level of every interval, in (0, 1)
     * @param seed            the evaluation's seed
     * @param minCellSize     privacy threshold in respondents
     */
    public ScoringContext(Partnership partnership, EvidenceIndex evidence, Instant asOf, double confidenceLevel,
                          long seed, int minCellSize) {
        this(partnership, evidence, asOf, confidenceLevel, seed, minCellSize,
                weightsOf(EvaluationConfig.defaults()), Map.of());
    }

    /**
     * Returns every dimension's composite weight under a configuration, {@link Dimension#HEALTH} included (at 0).
     *
     * @param config the configuration
     * @return dimension to weight, for every dimension
     */
    public static Map<Dimension, Double> weightsOf(EvaluationConfig config) {
        EnumMap<Dimension, Double> w = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            w.put(d, config.weight(d));
        }
        return w;
    }

    /**
     * Returns a copy carrying the given dimension summaries, for strategies that read them.
     *
     * @param dimensionSummaries the summaries
     * @return the modified copy
     */
    public ScoringContext withSummaries(Map<Dimension, DimensionSummary> dimensionSummaries) {
        return new ScoringContext(partnership, evidence, asOf, confidenceLevel, seed, minCellSize, weights,
                dimensionSummaries);
    }

    /**
     * Returns a dimension's weight in the composite health index.
     *
     * @param dimension the dimension
     * @return its weight, 0 when not present
     */
    public double weight(Dimension dimension) {
        return weights.getOrDefault(dimension, 0.0);
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
