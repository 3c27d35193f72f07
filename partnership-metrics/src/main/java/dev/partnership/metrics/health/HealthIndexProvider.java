package dev.partnership.metrics.health;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link HealthIndex} ({@code health-index}). Parameters: {@code draws} (integer in [1000, 1000000],
 * default {@value HealthIndex#DEFAULT_DRAWS}), the Monte Carlo draws behind the interval; {@code minComponents}
 * (integer in [1, 5], default {@value HealthIndex#DEFAULT_MIN_COMPONENTS}), how many dimension summaries the index
 * needs. The dimension weights come from the configuration's {@code weights}, not from parameters.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class HealthIndexProvider implements ScoringStrategyProvider {
    /** Name of the Monte Carlo draws parameter. */
    public static final String DRAWS = "draws";
    /** Name of the minimum components parameter. */
    public static final String MIN_COMPONENTS = "minComponents";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer(DRAWS, (long) HealthIndex.DEFAULT_DRAWS, 1000, 1_000_000,
                    "Monte Carlo draws used to propagate the components' intervals to the index"),
            ParameterSpec.integer(MIN_COMPONENTS, (long) HealthIndex.DEFAULT_MIN_COMPONENTS, 1, 5,
                    "fewest dimension summaries (of trust, alignment, impact, engagement, instrument) the index "
                            + "needs"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public HealthIndexProvider() {
    }

    @Override
    public String id() {
        return HealthIndex.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.HEALTH;
    }

    @Override
    public String description() {
        return "Weighted composite of the trust, alignment, impact, engagement and instrument summaries (weights "
                + "from the configuration), with a Monte Carlo interval and each dimension's contribution.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new HealthIndex((int) parameters.integer(DRAWS), (int) parameters.integer(MIN_COMPONENTS));
    }
}
