package dev.partnership.examples.strategy;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link InformationReciprocity}. No parameters. Found by {@link java.util.ServiceLoader} through this
 * jar's {@code META-INF/services} entry; stateless and thread-safe.
 */
public final class InformationReciprocityProvider implements ScoringStrategyProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public InformationReciprocityProvider() {
    }

    @Override
    public String id() {
        return InformationReciprocity.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public String description() {
        return "Share of the pairs of partners that shared information at all where it flowed both ways "
                + "(an example strategy shipped in its own jar).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new InformationReciprocity();
    }
}
