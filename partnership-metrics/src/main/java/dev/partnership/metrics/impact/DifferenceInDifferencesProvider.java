package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link DifferenceInDifferences} ({@value DifferenceInDifferences#ID}). It takes no parameters.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class DifferenceInDifferencesProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DifferenceInDifferencesProvider() {
    }

    @Override
    public String id() {
        return DifferenceInDifferences.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    @Override
    public String description() {
        return "Difference-in-differences of each goal's indicator: the partnership group's change from before "
                + "the start to now, minus the comparison group's change, direction-aware, with a normal interval "
                + "and a parallel-trends check.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new DifferenceInDifferences();
    }
}
