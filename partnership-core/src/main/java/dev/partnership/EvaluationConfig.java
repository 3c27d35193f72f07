package dev.partnership;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to evaluate: which strategies, with which parameters, at which confidence level and seed. The JSON form
 * is {@code partnership-config/1}, read by {@link dev.partnership.io.ConfigReader}.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return modified copies.
 *
 * @param enabled         ids of the strategies to run, in the order given (problems with them are located by that
 *                        order), or {@code null} for every strategy available; strategies always run in id order
 * @param strategies      strategy id to its parameters (name to a {@link Double}, {@link Long}, {@link String},
 *                        {@link Boolean} or {@code List<String>}); checked against each strategy's declared
 *                        parameters when an {@link Evaluator} is built
 * @param weights         dimension weights for the composite health index, each finite and {@code >= 0}; a
 *                        component dimension not named weighs {@value #DEFAULT_WEIGHT}, 0 leaves it out, and at
 *                        least one component must weigh more than 0; {@link Dimension#HEALTH} cannot be weighted
 *                        (it is the composite); see {@link #weight(Dimension)}
 * @param confidenceLevel level of every interval, in (0, 1)
 * @param seed            seed for every random computation (bootstrap, Monte Carlo)
 * @param minCellSize     privacy threshold: scores resting on fewer respondents are suppressed; {@code >= 1}
 */
public record EvaluationConfig(Set<String> enabled, Map<String, Map<String, Object>> strategies,
                               Map<Dimension, Double> weights, double confidenceLevel, long seed, int minCellSize) {

    /** Default interval level. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    /** Default seed: fixed, so that results are reproducible unless a seed is chosen. */
    public static final long DEFAULT_SEED = 20240901L;
    /** Default privacy threshold (respondents per reported cell). */
    public static final int DEFAULT_MIN_CELL_SIZE = 3;
    /** Weight of a component dimension that {@code weights} does not name: components weigh equally by default. */
    public static final double DEFAULT_WEIGHT = 1.0;
    /** The dimensions the composite health index combines, in order. */
    public static final List<Dimension> COMPOSITE_COMPONENTS = List.of(Dimension.TRUST, Dimension.ALIGNMENT,
            Dimension.IMPACT, Dimension.ENGAGEMENT, Dimension.INSTRUMENT);

    /** Validates and copies the components; see the record description for the rules. */
    public EvaluationConfig {
        if (enabled != null) {
            enabled = Collections.unmodifiableSet(new LinkedHashSet<>(enabled));
        }
        Map<String, Map<String, Object>> params = new TreeMap<>();
        Objects.requireNonNull(strategies, "strategies").forEach((id, p) ->
                params.put(Objects.requireNonNull(id, "strategy id"),
                        Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(p, "parameters")))));
        strategies = Collections.unmodifiableMap(params);
        EnumMap<Dimension, Double> w = new EnumMap<>(Dimension.class);
        Objects.requireNonNull(weights, "weights").forEach((d, v) -> {
            String problem = weightProblem(Objects.requireNonNull(d, "dimension"), v);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            w.put(d, v);
        });
        if (COMPOSITE_COMPONENTS.stream().allMatch(d -> w.getOrDefault(d, DEFAULT_WEIGHT) == 0)) {
            throw new IllegalArgumentException(ALL_WEIGHTS_ZERO);
        }
        weights = Collections.unmodifiableMap(w);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must lie in (0, 1), was " + confidenceLevel);
        }
        if (minCellSize < 1) {
            throw new IllegalArgumentException("minCellSize must be >= 1, was " + minCellSize);
        }
    }

    /** Message for weights that leave every component of the composite out. */
    public static final String ALL_WEIGHTS_ZERO = "at least one of TRUST, ALIGNMENT, IMPACT, ENGAGEMENT and "
            + "INSTRUMENT must weigh more than 0 in the health index";

    /**
     * Returns what is wrong with one configured weight, the rule shared by this record and the config reader.
     *
     * @param dimension the weighted dimension
     * @param weight    the weight, possibly {@code null}
     * @return the problem, or {@code null} when the weight is acceptable
     */
    public static String weightProblem(Dimension dimension, Double weight) {
        if (dimension == Dimension.HEALTH) {
            return "HEALTH cannot be weighted: it is the composite of the other dimensions";
        }
        if (weight == null || !Double.isFinite(weight) || weight < 0) {
            return "weight for " + dimension + " must be finite and >= 0, was " + weight;
        }
        return null;
    }

    /**
     * Returns the weight of one dimension in the composite health index: the configured weight, or
     * {@value #DEFAULT_WEIGHT} for a component dimension not configured, or 0 for {@link Dimension#HEALTH}.
     *
     * @param dimension the dimension
     * @return its weight, finite and {@code >= 0}
     */
    public double weight(Dimension dimension) {
        if (dimension == Dimension.HEALTH) {
            return 0;
        }
        return weights.getOrDefault(dimension, DEFAULT_WEIGHT);
    }

    /**
     * Returns the defaults: every strategy, default parameters, equal weights, 95% intervals, the fixed seed and
     * a privacy threshold of 3.
     *
     * @return the default configuration
     */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(null, Map.of(), Map.of(), DEFAULT_CONFIDENCE_LEVEL, DEFAULT_SEED,
                DEFAULT_MIN_CELL_SIZE);
    }

    /**
     * Returns a copy that runs only the given strategies.
     *
     * @param ids strategy ids
     * @return the modified copy
     */
    public EvaluationConfig withEnabled(List<String> ids) {
        return new EvaluationConfig(new LinkedHashSet<>(ids), strategies, weights, confidenceLevel, seed, minCellSize);
    }

    /**
     * Returns a copy with parameters for one strategy (replacing any it had).
     *
     * @param strategyId strategy id
     * @param parameters parameter name to value
     * @return the modified copy
     */
    public EvaluationConfig withParameters(String strategyId, Map<String, Object> parameters) {
        Map<String, Map<String, Object>> p = new TreeMap<>(strategies);
        p.put(strategyId, parameters);
        return new EvaluationConfig(enabled, p, weights, confidenceLevel, seed, minCellSize);
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param level interval level in (0, 1)
     * @return the modified copy
     */
    public EvaluationConfig withConfidenceLevel(double level) {
        return new EvaluationConfig(enabled, strategies, weights, level, seed, minCellSize);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param newSeed the seed
     * @return the modified copy
     */
    public EvaluationConfig withSeed(long newSeed) {
        return new EvaluationConfig(enabled, strategies, weights, confidenceLevel, newSeed, minCellSize);
    }

    /**
     * Returns a copy with another privacy threshold.
     *
     * @param cellSize minimum respondents per reported cell
     * @return the modified copy
     */
    public EvaluationConfig withMinCellSize(int cellSize) {
        return new EvaluationConfig(enabled, strategies, weights, confidenceLevel, seed, cellSize);
    }

    /**
     * Returns a copy with dimension weights for the composite.
     *
     * @param dimensionWeights dimension to weight
     * @return the modified copy
     */
    public EvaluationConfig withWeights(Map<Dimension, Double> dimensionWeights) {
        return new EvaluationConfig(enabled, strategies, dimensionWeights, confidenceLevel, seed, minCellSize);
    }
}
