package dev.partnership.metrics.trust;

import dev.partnership.Dimension;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@link SubjectiveLogic} ({@code subjective-logic}). Parameters: {@code halfLifeDays} (number, default
 * {@value SubjectiveLogic#DEFAULT_HALF_LIFE_DAYS}, in [0, {@value BetaReputation#MAX_HALF_LIFE_DAYS}], 0 = no decay),
 * {@code priorWeight} (number W, default {@value SubjectiveLogic#DEFAULT_PRIOR_WEIGHT}, in
 * (0, {@value SubjectiveLogic#MAX_PRIOR_WEIGHT}]), {@code baseRate} (number a, default
 * {@value SubjectiveLogic#DEFAULT_BASE_RATE}, in (0, 1)), {@code derivePairs} (boolean, default
 * {@value SubjectiveLogic#DEFAULT_DERIVE_PAIRS}) and {@code maxPartnersForDerivation} (integer, default
 * {@value SubjectiveLogic#DEFAULT_MAX_PARTNERS_FOR_DERIVATION}, at least 0). The open bounds (W &gt; 0, 0 &lt; a &lt;
 * 1) are checked in {@link #create}, which reports them at {@code /strategies/subjective-logic/<name>}.
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class SubjectiveLogicProvider implements ScoringStrategyProvider {
    /** Name of the half-life parameter. */
    public static final String HALF_LIFE_DAYS = BetaReputationProvider.HALF_LIFE_DAYS;
    /** Name of the prior-weight parameter. */
    public static final String PRIOR_WEIGHT = "priorWeight";
    /** Name of the base-rate parameter. */
    public static final String BASE_RATE = "baseRate";
    /** Name of the parameter that turns derivation through intermediaries on or off. */
    public static final String DERIVE_PAIRS = BetaReputationProvider.DERIVE_PAIRS;
    /** Name of the parameter limiting the network size for derivation. */
    public static final String MAX_PARTNERS_FOR_DERIVATION = BetaReputationProvider.MAX_PARTNERS_FOR_DERIVATION;

    private static final List<ParameterSpec> PARAMETERS = List.of(BetaReputationProvider.HALF_LIFE_DAYS_SPEC,
            ParameterSpec.number(PRIOR_WEIGHT, SubjectiveLogic.DEFAULT_PRIOR_WEIGHT, 0, SubjectiveLogic.MAX_PRIOR_WEIGHT,
                    "non-informative prior weight W (> 0): u = W / (r + s + W)"),
            ParameterSpec.number(BASE_RATE, SubjectiveLogic.DEFAULT_BASE_RATE, 0, 1,
                    "base rate a in (0, 1): the projected trust in a partner nobody knows anything about"),
            BetaReputationProvider.DERIVE_PAIRS_SPEC, BetaReputationProvider.MAX_PARTNERS_FOR_DERIVATION_SPEC);

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SubjectiveLogicProvider() {
    }

    @Override
    public String id() {
        return SubjectiveLogic.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Trust as subjective-logic opinions (belief, disbelief, uncertainty, base rate) per pair, partner and "
                + "partnership from engagement signals, with cumulative and averaging fusion and trust discounting; "
                + "pairs without dealings read as unknown, not distrusted (Josang 2016).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Creates the strategy.
     *
     * @param parameters values checked against {@link #parameters()}, defaults filled in
     * @return the strategy
     * @throws InvalidConfigException when {@code priorWeight} is 0 or {@code baseRate} is 0 or 1
     */
    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        double priorWeight = parameters.number(PRIOR_WEIGHT);
        double baseRate = parameters.number(BASE_RATE);
        List<Problem> problems = new ArrayList<>();
        String base = "/strategies/" + SubjectiveLogic.ID + "/";
        if (!(priorWeight > 0)) {
            problems.add(new Problem(base + PRIOR_WEIGHT, "priorWeight must be > 0, was " + priorWeight));
        }
        if (!(baseRate > 0 && baseRate < 1)) {
            problems.add(new Problem(base + BASE_RATE, "baseRate must lie strictly between 0 and 1, was " + baseRate));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(null, problems);
        }
        return new SubjectiveLogic(parameters.number(HALF_LIFE_DAYS), priorWeight, baseRate,
                parameters.bool(DERIVE_PAIRS), Math.toIntExact(parameters.integer(MAX_PARTNERS_FOR_DERIVATION)));
    }
}
