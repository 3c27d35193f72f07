package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link BetaReputation} ({@code beta-reputation}). Parameters: {@code halfLifeDays} (number, default
 * {@value BetaReputation#DEFAULT_HALF_LIFE_DAYS}, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}], 0 = no decay)
 * and {@code minSignals} (integer, default {@value BetaReputation#DEFAULT_MIN_SIGNALS}, at least 1).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class BetaReputationProvider implements ScoringStrategyProvider {
    /** Name of the half-life parameter. */
    public static final String HALF_LIFE_DAYS = "halfLifeDays";
    /** Name of the minimum-signals parameter. */
    public static final String MIN_SIGNALS = "minSignals";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(HALF_LIFE_DAYS, BetaReputation.DEFAULT_HALF_LIFE_DAYS, 0,
                    BetaReputation.MAX_HALF_LIFE_DAYS,
                    "age in days at which a signal counts half as much as a new one; 0 turns decay off"),
            ParameterSpec.integer(MIN_SIGNALS, (long) BetaReputation.DEFAULT_MIN_SIGNALS, 1, Integer.MAX_VALUE,
                    "fewest signals behind a pair or partner score; fewer give INSUFFICIENT_EVIDENCE"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public BetaReputationProvider() {
    }

    @Override
    public String id() {
        return BetaReputation.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Trust per pair, partner and partnership from engagement signals: Beta reputation E = (r+1)/(r+s+2) "
                + "with half-life decay and a Beta credible interval (Josang & Ismail 2002).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new BetaReputation(parameters.number(HALF_LIFE_DAYS), Math.toIntExact(parameters.integer(MIN_SIGNALS)));
    }
}
