package dev.partnership.metrics.engagement;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link ParticipationEquity} ({@code participation-equity}). Parameter: {@code underRepresentationRatio}
 * (number in [0, 1], default {@value ParticipationEquity#DEFAULT_UNDER_REPRESENTATION_RATIO}): a partner type is
 * flagged when its share of participation falls short of its share of partners by more than this fraction of it.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class ParticipationEquityProvider implements ScoringStrategyProvider {
    /** Name of the under-representation parameter. */
    public static final String UNDER_REPRESENTATION_RATIO = "underRepresentationRatio";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(UNDER_REPRESENTATION_RATIO, ParticipationEquity.DEFAULT_UNDER_REPRESENTATION_RATIO,
                    0, 1, "fraction of a partner type's share of partners by which its share of participation must "
                            + "fall short for the type to be listed as under-represented"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ParticipationEquityProvider() {
    }

    @Override
    public String id() {
        return ParticipationEquity.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public String description() {
        return "How evenly participation and contributions are spread across partners and partner types: Gini and "
                + "Theil with bootstrap intervals, under-represented partner types.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new ParticipationEquity(parameters.number(UNDER_REPRESENTATION_RATIO));
    }
}
