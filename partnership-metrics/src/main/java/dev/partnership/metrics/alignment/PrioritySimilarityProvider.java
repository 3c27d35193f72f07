package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link PrioritySimilarity} ({@code priority-similarity}). Parameters: {@code bootstrapResamples}
 * (integer, default {@value PrioritySimilarity#DEFAULT_BOOTSTRAP_RESAMPLES}, in
 * [{@value PrioritySimilarity#MIN_BOOTSTRAP_RESAMPLES}, {@value PrioritySimilarity#MAX_BOOTSTRAP_RESAMPLES}]) and
 * {@code negativeWeights} (one of {@code reject}, {@code shift}, {@code clip}; default {@code clip}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class PrioritySimilarityProvider implements ScoringStrategyProvider {
    /** Name of the bootstrap-resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";
    /** Name of the negative-weights policy parameter. */
    public static final String NEGATIVE_WEIGHTS = "negativeWeights";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer(BOOTSTRAP_RESAMPLES, (long) PrioritySimilarity.DEFAULT_BOOTSTRAP_RESAMPLES,
                    PrioritySimilarity.MIN_BOOTSTRAP_RESAMPLES, PrioritySimilarity.MAX_BOOTSTRAP_RESAMPLES,
                    "resamples of the partners for the percentile bootstrap interval of the mean cosine"),
            ParameterSpec.choice(NEGATIVE_WEIGHTS, PrioritySimilarity.DEFAULT_NEGATIVE_WEIGHTS.parameterValue(),
                    List.of(PrioritySimilarity.NegativeWeights.REJECT.parameterValue(),
                            PrioritySimilarity.NegativeWeights.SHIFT.parameterValue(),
                            PrioritySimilarity.NegativeWeights.CLIP.parameterValue()),
                    "what to do with a negative priority weight: reject (no scores), shift (raise the partner's "
                            + "weights so its lowest is 0) or clip (treat it as 0)"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public PrioritySimilarityProvider() {
    }

    @Override
    public String id() {
        return PrioritySimilarity.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    @Override
    public String description() {
        return "Similarity of partners' goal priorities: pairwise cosine and weighted Jaccard, each partner's mean "
                + "similarity, the least-aligned partner and a bootstrap interval over partners.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new PrioritySimilarity(Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)),
                PrioritySimilarity.NegativeWeights.fromParameter(parameters.choice(NEGATIVE_WEIGHTS)));
    }
}
