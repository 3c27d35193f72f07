package dev.partnership.examples.cli;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.util.List;

/**
 * A test-only strategy, discovered through {@code META-INF/services} on the test class path, that produces no scores
 * unless its parameter {@code fail} is {@code true}, in which case it throws: the way tests provoke an internal
 * error in the CLI. Stateless and thread-safe.
 */
public final class FailingStrategyProvider implements ScoringStrategyProvider {
    /** The strategy id. */
    public static final String ID = "test-failing";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.HEALTH;
    }

    @Override
    public String description() {
        return "Test only: throws when its parameter fail is true, otherwise scores nothing.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.bool("fail", false, "whether to throw"));
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        boolean fail = parameters.bool("fail");
        return new ScoringStrategy() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public Dimension dimension() {
                return Dimension.HEALTH;
            }

            @Override
            public StrategyResult score(dev.partnership.spi.ScoringContext context) {
                if (fail) {
                    throw new IllegalStateException("deliberate failure\nover two lines");
                }
                return new StrategyResult(List.of(), List.of());
            }
        };
    }
}
