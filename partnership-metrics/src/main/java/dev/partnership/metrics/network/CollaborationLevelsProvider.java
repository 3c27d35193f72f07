package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link CollaborationLevels} ({@code collaboration-levels}). Parameter: {@code asymmetryThreshold}
 * (number, default {@value CollaborationLevels#DEFAULT_ASYMMETRY_THRESHOLD}, in [0,
 * {@value CollaborationLevels#MAX_LEVEL}]), the difference in levels between the two directions of a pair that
 * flags it for discussion.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class CollaborationLevelsProvider implements ScoringStrategyProvider {
    /** Name of the asymmetry-threshold parameter. */
    public static final String ASYMMETRY_THRESHOLD = "asymmetryThreshold";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(ASYMMETRY_THRESHOLD, CollaborationLevels.DEFAULT_ASYMMETRY_THRESHOLD, 0,
                    CollaborationLevels.MAX_LEVEL,
                    "difference in levels (0-5 scale) between what two partners report that flags the pair"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CollaborationLevelsProvider() {
    }

    @Override
    public String id() {
        return CollaborationLevels.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Levels of Collaboration (0-5) between partners: mutual strength per pair and for the partnership, "
                + "with asymmetric pairs flagged (Frey et al. 2006).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new CollaborationLevels(parameters.number(ASYMMETRY_THRESHOLD));
    }
}
