package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link TargetAttainment} ({@code target-attainment}). It takes no parameters.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class TargetAttainmentProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public TargetAttainmentProvider() {
    }

    @Override
    public String id() {
        return TargetAttainment.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    @Override
    public String description() {
        return "Progress of each goal from baseline to target, direction-aware, against the progress expected by "
                + "its deadline, and the weighted progress of the partnership.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new TargetAttainment();
    }
}
