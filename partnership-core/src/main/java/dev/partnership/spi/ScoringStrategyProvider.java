package dev.partnership.spi;

import dev.partnership.Dimension;
import java.util.List;

/**
 * Creates a {@link ScoringStrategy} from its parameters. Providers are found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.partnership.spi.ScoringStrategyProvider} entry, or {@code provides … with …}
 * in a module descriptor) or registered explicitly on {@link dev.partnership.Evaluator.Builder}.
 *
 * <p>Implementations have a public no-argument constructor, are stateless and thread-safe.
 */
public interface ScoringStrategyProvider {

    /**
     * Returns the id of the strategies this provider creates.
     *
     * @return the strategy id
     */
    String id();

    /**
     * Returns the dimension of the strategies this provider creates.
     *
     * @return the dimension
     */
    Dimension dimension();

    /**
     * Describes the strategy in one sentence, for {@code partnership strategies}.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the parameters the strategy accepts, with their defaults and ranges. Configuration naming any other
     * parameter is rejected before {@link #create(StrategyParameters)} is called.
     *
     * @return the parameter specifications, possibly empty
     */
    List<ParameterSpec> parameters();

    /**
     * Creates the strategy.
     *
     * @param parameters values checked against {@link #parameters()}, defaults filled in
     * @return the strategy
     */
    ScoringStrategy create(StrategyParameters parameters);
}
