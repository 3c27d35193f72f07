package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link GoalAttainmentScaling} ({@code goal-attainment-scaling}). Parameters: {@code rho} (number in
 * [0, 1), default {@value GoalAttainmentScaling#DEFAULT_RHO}), the assumed correlation between goals' scores, and
 * {@code simulations} (integer, default {@value GoalAttainmentScaling#DEFAULT_SIMULATIONS}), the Monte Carlo
 * draws behind the T-score's interval.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class GoalAttainmentScalingProvider implements ScoringStrategyProvider {
    /** Name of the correlation parameter. */
    public static final String RHO = "rho";
    /** Name of the Monte Carlo simulations parameter. */
    public static final String SIMULATIONS = "simulations";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(RHO, GoalAttainmentScaling.DEFAULT_RHO, 0, Math.nextDown(1.0),
                    "assumed correlation between goals' attainment scores in the T-score formula, in [0, 1)"),
            ParameterSpec.integer(SIMULATIONS, (long) GoalAttainmentScaling.DEFAULT_SIMULATIONS,
                    GoalAttainmentScaling.MIN_SIMULATIONS, GoalAttainmentScaling.MAX_SIMULATIONS,
                    "Monte Carlo draws of the measurements for the T-score's interval"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public GoalAttainmentScalingProvider() {
    }

    @Override
    public String id() {
        return GoalAttainmentScaling.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    @Override
    public String description() {
        return "Goal Attainment Scaling: each goal's measured value placed on its five attainment levels and "
                + "combined into the weighted T-score (Kiresuk & Sherman 1968, corrected per Turner-Stokes 2009), "
                + "with a Monte Carlo interval from measurement error.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new GoalAttainmentScaling(parameters.number(RHO),
                Math.toIntExact(parameters.integer(SIMULATIONS)));
    }
}
