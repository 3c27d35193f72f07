package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link TargetAttainment} ({@code target-attainment}). Parameter: {@code bootstrapResamples} (integer,
 * default {@value TargetAttainment#DEFAULT_BOOTSTRAP_RESAMPLES}), the resamples of a measurement's unit values for
 * the BCa interval of a goal's progress.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class TargetAttainmentProvider implements ScoringStrategyProvider {
    /** Name of the bootstrap-resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer(BOOTSTRAP_RESAMPLES, (long) TargetAttainment.DEFAULT_BOOTSTRAP_RESAMPLES,
                    TargetAttainment.MIN_BOOTSTRAP_RESAMPLES, TargetAttainment.MAX_BOOTSTRAP_RESAMPLES,
                    "resamples of a measurement's unit values for the BCa interval of a goal's progress"));

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
                + "its deadline, with a standard-error or BCa bootstrap interval, and the weighted progress of the "
                + "partnership.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new TargetAttainment(Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)));
    }
}
