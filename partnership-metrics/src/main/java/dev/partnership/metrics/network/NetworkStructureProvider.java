package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link NetworkStructure} ({@code network-structure}). Parameters: {@code windowDays} (number, default
 * {@value NetworkStructure#DEFAULT_WINDOW_DAYS}, in [{@value NetworkStructure#MIN_WINDOW_DAYS},
 * {@value NetworkStructure#MAX_WINDOW_DAYS}]), {@code minSignals} (integer, default
 * {@value NetworkStructure#DEFAULT_MIN_SIGNALS}, at least 1), {@code includeRatings} (boolean, default
 * {@value NetworkStructure#DEFAULT_INCLUDE_RATINGS}) and {@code bootstrapResamples} (integer, default
 * {@value NetworkStructure#DEFAULT_BOOTSTRAP_RESAMPLES}, in [{@value NetworkStructure#MIN_BOOTSTRAP_RESAMPLES},
 * {@value NetworkStructure#MAX_BOOTSTRAP_RESAMPLES}]).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class NetworkStructureProvider implements ScoringStrategyProvider {
    /** Name of the window parameter. */
    public static final String WINDOW_DAYS = "windowDays";
    /** Name of the minimum-signals parameter. */
    public static final String MIN_SIGNALS = "minSignals";
    /** Name of the include-ratings parameter. */
    public static final String INCLUDE_RATINGS = "includeRatings";
    /** Name of the bootstrap-resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(WINDOW_DAYS, NetworkStructure.DEFAULT_WINDOW_DAYS, NetworkStructure.MIN_WINDOW_DAYS,
                    NetworkStructure.MAX_WINDOW_DAYS,
                    "days before asOf whose signals and ratings make ties (asOf - windowDays < at <= asOf)"),
            ParameterSpec.integer(MIN_SIGNALS, (long) NetworkStructure.DEFAULT_MIN_SIGNALS, 1, Integer.MAX_VALUE,
                    "fewest signals from one partner toward another, of any kind, that make a tie"),
            ParameterSpec.bool(INCLUDE_RATINGS, NetworkStructure.DEFAULT_INCLUDE_RATINGS,
                    "whether a rating of one partner by another makes a tie (a collaboration level only from 1)"),
            ParameterSpec.integer(BOOTSTRAP_RESAMPLES, (long) NetworkStructure.DEFAULT_BOOTSTRAP_RESAMPLES,
                    NetworkStructure.MIN_BOOTSTRAP_RESAMPLES, NetworkStructure.MAX_BOOTSTRAP_RESAMPLES,
                    "resamples of the partners for the node-bootstrap intervals of density and reciprocity"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public NetworkStructureProvider() {
    }

    @Override
    public String id() {
        return NetworkStructure.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Shape of the partners' tie network: density, Freeman degree centralization and reciprocity, with "
                + "node-bootstrap intervals (Freeman 1978; Snijders & Borgatti 1999).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new NetworkStructure(parameters.number(WINDOW_DAYS), Math.toIntExact(parameters.integer(MIN_SIGNALS)),
                parameters.bool(INCLUDE_RATINGS), Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)));
    }
}
