package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link EffectSize} ({@code effect-size}). Parameter {@value #BOOTSTRAP_RESAMPLES}: resamples of the BCa
 * bootstrap for goals with unit-level values (default {@link EffectSize#DEFAULT_BOOTSTRAP_RESAMPLES}, 0 = off).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class EffectSizeProvider implements ScoringStrategyProvider {
    /** Name of the bootstrap resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";

    private static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer(BOOTSTRAP_RESAMPLES,
            (long) EffectSize.DEFAULT_BOOTSTRAP_RESAMPLES, 0, 100_000,
            "bootstrap resamples for the BCa interval of g when both groups have unit values; 0 turns it off"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public EffectSizeProvider() {
    }

    @Override
    public String id() {
        return EffectSize.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    @Override
    public String description() {
        return "Hedges' g of the partnership group against the comparison group per goal (direction-aware, "
                + "normal or BCa bootstrap interval), the probability of superiority, and the fixed-effect "
                + "inverse-variance mean over goals.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new EffectSize().withBootstrapResamples(Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)));
    }
}
