package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link KendallW} ({@code kendall-w}). Parameter: {@code bootstrapResamples} (integer, default
 * {@value KendallW#DEFAULT_BOOTSTRAP_RESAMPLES}, in [{@value KendallW#MIN_BOOTSTRAP_RESAMPLES},
 * {@value KendallW#MAX_BOOTSTRAP_RESAMPLES}]), the resamples of the one bootstrap loop that gives the intervals of
 * W and of every goal's rank spread.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class KendallWProvider implements ScoringStrategyProvider {
    /** Name of the bootstrap-resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer(BOOTSTRAP_RESAMPLES, (long) KendallW.DEFAULT_BOOTSTRAP_RESAMPLES,
                    KendallW.MIN_BOOTSTRAP_RESAMPLES, KendallW.MAX_BOOTSTRAP_RESAMPLES,
                    "resamples of the partners for the BCa bootstrap intervals of W and of each goal's rank spread"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public KendallWProvider() {
    }

    @Override
    public String id() {
        return KendallW.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    @Override
    public String description() {
        return "Agreement of partners' goal priorities: Kendall's W with tie correction, chi-squared test and a "
                + "BCa bootstrap interval, W per goal category, and each goal's agreement (Kendall & Babington "
                + "Smith 1939).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new KendallW(Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)));
    }
}
