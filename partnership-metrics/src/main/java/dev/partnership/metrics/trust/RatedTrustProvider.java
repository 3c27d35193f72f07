package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.Arrays;
import java.util.List;

/**
 * Provides {@link RatedTrust} ({@code rated-trust}). Parameters: {@code missing} (choice {@code ignore} or
 * {@code reciprocal}, default {@code ignore}; see {@link RatedTrust.MissingRatings}), {@code scale} (choice
 * {@code percent-of-max} or {@code rescaled}, default {@code percent-of-max}; see {@link RatedTrust.Scale}) and
 * {@code minRaters} (integer, default {@value RatedTrust#DEFAULT_MIN_RATERS}, at least 2).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class RatedTrustProvider implements ScoringStrategyProvider {
    /** Name of the missing-rating policy parameter. */
    public static final String MISSING = "missing";
    /** Name of the scale convention parameter. */
    public static final String SCALE = "scale";
    /** Name of the minimum-raters parameter. */
    public static final String MIN_RATERS = "minRaters";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice(MISSING, RatedTrust.DEFAULT_MISSING.id(),
                    Arrays.stream(RatedTrust.MissingRatings.values()).map(RatedTrust.MissingRatings::id).toList(),
                    "missing ratings: 'ignore' leaves them out; 'reciprocal' fills A's missing rating of B on a "
                            + "dimension with B's rating of A (Varda's reciprocal reconstruction)"),
            ParameterSpec.choice(SCALE, RatedTrust.DEFAULT_SCALE.id(),
                    Arrays.stream(RatedTrust.Scale.values()).map(RatedTrust.Scale::id).toList(),
                    "how a mean rating m on 1-4 becomes a fraction: 'percent-of-max' m/4 (as the PARTNER tool "
                            + "reports), 'rescaled' (m-1)/3"),
            ParameterSpec.integer(MIN_RATERS, (long) RatedTrust.DEFAULT_MIN_RATERS, 2, Integer.MAX_VALUE,
                    "fewest partners rating a partner for its trust or value figure; fewer give "
                            + "INSUFFICIENT_EVIDENCE"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public RatedTrustProvider() {
    }

    @Override
    public String id() {
        return RatedTrust.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Perceived trust and value per partner and for the network from PARTNER-style 1-4 ratings "
                + "(reliability, mission support, openness; power, involvement, resources), with Student t intervals "
                + "(Varda et al. 2008).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new RatedTrust(RatedTrust.Scale.fromId(parameters.choice(SCALE)),
                RatedTrust.MissingRatings.fromId(parameters.choice(MISSING)),
                Math.toIntExact(parameters.integer(MIN_RATERS)));
    }
}
