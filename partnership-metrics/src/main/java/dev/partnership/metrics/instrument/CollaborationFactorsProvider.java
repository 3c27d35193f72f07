package dev.partnership.metrics.instrument;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link CollaborationFactors} ({@code collaboration-factors}). Parameters: {@code missing} (choice
 * {@value CollaborationFactors#AVAILABLE} or {@value CollaborationFactors#COMPLETE}, default
 * {@value CollaborationFactors#DEFAULT_MISSING}): available items or complete cases per factor; {@code waves}
 * (list of wave labels, empty by default = every wave): the waves considered, of which the last in label order is
 * scored and the one before it is the comparison.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class CollaborationFactorsProvider implements ScoringStrategyProvider {
    /** Name of the missing-data policy parameter. */
    public static final String MISSING = "missing";
    /** Name of the waves parameter. */
    public static final String WAVES = "waves";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice(MISSING, CollaborationFactors.DEFAULT_MISSING,
                    List.of(CollaborationFactors.AVAILABLE, CollaborationFactors.COMPLETE),
                    "'available': a respondent's factor mean uses the items they answered; 'complete': only "
                            + "respondents who answered every item of the factor count"),
            ParameterSpec.strings(WAVES, "wave labels to consider (empty = all); the last in label order is "
                    + "scored and the one before it is the comparison wave"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CollaborationFactorsProvider() {
    }

    @Override
    public String id() {
        return CollaborationFactors.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.INSTRUMENT;
    }

    @Override
    public String description() {
        return "Survey instrument scores per factor and category: means with t intervals, bands, per-partner means, "
                + "Cronbach's alpha with the Feldt interval and the change from the previous wave, privacy-suppressed "
                + "below the minimum cell size.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new CollaborationFactors(parameters.choice(MISSING), parameters.strings(WAVES));
    }
}
