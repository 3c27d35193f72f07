package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link GoalStructure} ({@code goal-structure}). It takes no parameters.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class GoalStructureProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public GoalStructureProvider() {
    }

    @Override
    public String id() {
        return GoalStructure.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    @Override
    public String description() {
        return "SMART completeness of each goal (indicator with unit, baseline, improving target, owner, deadline), "
                + "the share of complete goals with a Wilson interval, and ownership coverage of the partners.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new GoalStructure();
    }
}
