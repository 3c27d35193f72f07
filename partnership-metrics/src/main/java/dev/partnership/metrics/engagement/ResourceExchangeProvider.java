package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link ResourceExchange} ({@code resource-exchange}). Parameters: {@code dependenceShare} (number in
 * [0, 1], default {@value ResourceExchange#DEFAULT_DEPENDENCE_SHARE}), the share of the pool above which one giver
 * makes the partnership dependent on it; {@code dependenceHhi} (number in [0, 1], default
 * {@value ResourceExchange#DEFAULT_DEPENDENCE_HHI}), the HHI of contributions above which funding counts as
 * concentrated.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class ResourceExchangeProvider implements ScoringStrategyProvider {
    /** Name of the dependence-share parameter. */
    public static final String DEPENDENCE_SHARE = "dependenceShare";
    /** Name of the dependence-HHI parameter. */
    public static final String DEPENDENCE_HHI = "dependenceHhi";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(DEPENDENCE_SHARE, ResourceExchange.DEFAULT_DEPENDENCE_SHARE, 0, 1,
                    "share of the pool above which one partner's giving makes the partnership dependent on it"),
            ParameterSpec.number(DEPENDENCE_HHI, ResourceExchange.DEFAULT_DEPENDENCE_HHI, 0, 1,
                    "Herfindahl-Hirschman index of contributions above which funding counts as concentrated"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ResourceExchangeProvider() {
    }

    @Override
    public String id() {
        return ResourceExchange.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public String description() {
        return "Resources given and received per partner, balance, dependence on few funders (HHI) and free "
                + "riders.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new ResourceExchange(parameters.number(DEPENDENCE_SHARE), parameters.number(DEPENDENCE_HHI));
    }
}
