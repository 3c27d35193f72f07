package dev.partnership.spi;

import dev.partnership.Dimension;

/**
 * A way of scoring a partnership along one {@link Dimension}.
 *
 * <p>Contract: {@link #score(ScoringContext)} is a pure function of the context (the evidence index, the
 * partnership, {@code asOf}, the confidence level and the seed) and of the parameters the strategy was created
 * with. The same inputs give the same result bit for bit, whatever the order the evidence was given in.
 * Thin evidence gives scores with status {@code INSUFFICIENT_EVIDENCE}, never an exception or a made-up number;
 * a strategy throws only for a programming error. Implementations are immutable and thread-safe: one instance
 * serves concurrent evaluations.
 */
public interface ScoringStrategy {

    /**
     * Returns the strategy's stable id, for example {@code beta-reputation}.
     *
     * @return the id
     */
    String id();

    /**
     * Returns the dimension the strategy scores.
     *
     * @return the dimension
     */
    Dimension dimension();

    /**
     * Scores the evidence in the context.
     *
     * @param context the evidence and evaluation settings
     * @return the scores and warnings
     */
    StrategyResult score(ScoringContext context);

    /**
     * Says whether this strategy composes the other dimensions' summaries, as {@code health-index} does. The
     * evaluator runs such a strategy after every other one has run and the summaries are formed, with
     * {@link ScoringContext#summaries()} filled; every other strategy sees no summaries. A composite's own scores
     * never feed the summaries it reads.
     *
     * @return {@code true} for a composite strategy; {@code false} by default
     */
    default boolean readsSummaries() {
        return false;
    }
}
