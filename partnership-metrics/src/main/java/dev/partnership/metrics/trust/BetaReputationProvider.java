package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link BetaReputation} ({@code beta-reputation}). Parameters: {@code halfLifeDays} (number, default
 * {@value BetaReputation#DEFAULT_HALF_LIFE_DAYS}, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}], 0 = no decay),
 * {@code minSignals} (integer, default {@value BetaReputation#DEFAULT_MIN_SIGNALS}, at least 1), {@code derivePairs}
 * (boolean, default {@value BetaReputation#DEFAULT_DERIVE_PAIRS}: derive views of partners not dealt with through
 * intermediaries) and {@code maxPartnersForDerivation} (integer, default
 * {@value BetaReputation#DEFAULT_MAX_PARTNERS_FOR_DERIVATION}, at least 0: larger networks skip the O(P³)
 * derivation with a warning).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class BetaReputationProvider implements ScoringStrategyProvider {
    /** Name of the half-life parameter. */
    public static final String HALF_LIFE_DAYS = "halfLifeDays";
    /** Name of the minimum-signals parameter. */
    public static final String MIN_SIGNALS = "minSignals";
    /** Name of the parameter that turns derivation through intermediaries on or off. */
    public static final String DERIVE_PAIRS = "derivePairs";
    /** Name of the parameter limiting the network size for derivation. */
    public static final String MAX_PARTNERS_FOR_DERIVATION = "maxPartnersForDerivation";

    /** The half-life parameter, shared with {@link SubjectiveLogicProvider}: both read evidence the same way. */
    static final ParameterSpec HALF_LIFE_DAYS_SPEC = ParameterSpec.number(HALF_LIFE_DAYS,
            BetaReputation.DEFAULT_HALF_LIFE_DAYS, 0, BetaReputation.MAX_HALF_LIFE_DAYS,
            "age in days at which a signal counts half as much as a new one; 0 turns decay off");
    /** The derivation switch, shared with {@link SubjectiveLogicProvider}. */
    static final ParameterSpec DERIVE_PAIRS_SPEC = ParameterSpec.bool(DERIVE_PAIRS,
            BetaReputation.DEFAULT_DERIVE_PAIRS,
            "derive a partner's view of a partner it has not dealt with through intermediaries (discounting); "
                    + "derived pairs are marked and never enter the partner or partnership scores");
    /** The limit on the network size for derivation, shared with {@link SubjectiveLogicProvider}. */
    static final ParameterSpec MAX_PARTNERS_FOR_DERIVATION_SPEC = ParameterSpec.integer(MAX_PARTNERS_FOR_DERIVATION,
            (long) BetaReputation.DEFAULT_MAX_PARTNERS_FOR_DERIVATION, 0, Integer.MAX_VALUE,
            "largest number of partners for which pairs are derived (cost grows with the cube); larger networks "
                    + "skip derivation with a warning");

    private static final List<ParameterSpec> PARAMETERS = List.of(HALF_LIFE_DAYS_SPEC,
            ParameterSpec.integer(MIN_SIGNALS, (long) BetaReputation.DEFAULT_MIN_SIGNALS, 1, Integer.MAX_VALUE,
                    "fewest signals behind a pair or partner score; fewer give INSUFFICIENT_EVIDENCE"),
            DERIVE_PAIRS_SPEC, MAX_PARTNERS_FOR_DERIVATION_SPEC);

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
                + "with half-life decay, a Beta credible interval and views of partners not dealt with derived "
                + "through intermediaries (Josang & Ismail 2002).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        return new BetaReputation(parameters.number(HALF_LIFE_DAYS), Math.toIntExact(parameters.integer(MIN_SIGNALS)),
                parameters.bool(DERIVE_PAIRS), Math.toIntExact(parameters.integer(MAX_PARTNERS_FOR_DERIVATION)));
    }
}
