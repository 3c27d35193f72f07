package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link InterruptedTimeSeries} ({@value InterruptedTimeSeries#ID}). It takes no parameters.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class InterruptedTimeSeriesProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public InterruptedTimeSeriesProvider() {
    }

    @Override
    public String id() {
        return InterruptedTimeSeries.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    @Override
    public String description() {
        return "Segmented regression of each goal's partnership series around the start: level change and slope "
                + "change with t intervals, the counterfactual trend and a Durbin-Watson check.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new InterruptedTimeSeries();
    }
}
