package dev.partnership;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating a partnership: every score, a summary per dimension, and the warnings raised. Written
 * as {@code partnership-evaluation/1} by {@link dev.partnership.io.EvaluationJson}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partnership id of the evaluated partnership
 * @param asOf        the evaluation time: only evidence at or before it counted
 * @param generator   what produced the evaluation
 * @param scores      scores in strategy-id order, each strategy's in the order it produced them
 * @param summary     summary per dimension, in {@link Dimension} order; a dimension without a usable
 *                    partnership-level score is absent
 * @param warnings    warnings in the order raised
 */
public record Evaluation(String partnership, Instant asOf, Generator generator, List<Score> scores,
                         Map<Dimension, DimensionSummary> summary, List<Warning> warnings) {

    /**
     * The software that produced an evaluation.
     *
     * @param name    program name
     * @param version program version
     */
    public record Generator(String name, String version) {
        /** Validates the components. */
        public Generator {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Validates and copies the components. */
    public Evaluation {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generator, "generator");
        scores = List.copyOf(scores);
        EnumMap<Dimension, DimensionSummary> copy = new EnumMap<>(Dimension.class);
        copy.putAll(summary);
        summary = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns the scores of one strategy. Cost O(scores).
     *
     * @param strategyId strategy id
     * @return its scores, in the order produced
     */
    public List<Score> scores(String strategyId) {
        return scores.stream().filter(s -> s.strategy().equals(strategyId)).toList();
    }

    /**
     * Returns one strategy's score about one subject. Cost O(scores).
     *
     * @param strategyId strategy id
     * @param subject    the subject
     * @return the score, or empty
     */
    public Optional<Score> score(String strategyId, Subject subject) {
        return scores.stream().filter(s -> s.strategy().equals(strategyId) && s.subject().equals(subject)).findFirst();
    }
}
