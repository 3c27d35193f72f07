package dev.partnership.metrics.network;

import dev.partnership.Dimension;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import java.util.List;

/**
 * Provides {@link EigenTrustStrategy} ({@code eigentrust}). Parameters:
 * <ul>
 *   <li>{@code halfLifeDays} (number, default {@value EigenTrustStrategy#DEFAULT_HALF_LIFE_DAYS}, in
 *       [0, {@value EigenTrustStrategy#MAX_HALF_LIFE_DAYS}], 0 = no decay);</li>
 *   <li>{@code preTrusted} (list of partner ids, default empty = uniform over all partners; ids that name no
 *       partner cannot be checked here, before the partnership is known: the strategy ignores them with a
 *       warning);</li>
 *   <li>{@code damping} (number, default {@value EigenTrust#DEFAULT_DAMPING}, strictly between 0 and 1);</li>
 *   <li>{@code tolerance} (number, default {@value EigenTrust#DEFAULT_TOLERANCE}, in [0, 1], on the L1 change);</li>
 *   <li>{@code maxIterations} (integer, default {@value EigenTrust#DEFAULT_MAX_ITERATIONS}, at least 1);</li>
 *   <li>{@code bootstrapResamples} (integer, default {@value EigenTrustStrategy#DEFAULT_BOOTSTRAP_RESAMPLES},
 *       0 = no interval);</li>
 *   <li>{@code maxPartnersForBootstrap} (integer, default
 *       {@value EigenTrustStrategy#DEFAULT_MAX_PARTNERS_FOR_BOOTSTRAP}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class EigenTrustProvider implements ScoringStrategyProvider {
    /** Name of the half-life parameter. */
    public static final String HALF_LIFE_DAYS = "halfLifeDays";
    /** Name of the pre-trusted partners parameter. */
    public static final String PRE_TRUSTED = "preTrusted";
    /** Name of the damping parameter. */
    public static final String DAMPING = "damping";
    /** Name of the tolerance parameter. */
    public static final String TOLERANCE = "tolerance";
    /** Name of the iteration limit parameter. */
    public static final String MAX_ITERATIONS = "maxIterations";
    /** Name of the bootstrap resamples parameter. */
    public static final String BOOTSTRAP_RESAMPLES = "bootstrapResamples";
    /** Name of the bootstrap size limit parameter. */
    public static final String MAX_PARTNERS_FOR_BOOTSTRAP = "maxPartnersForBootstrap";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.number(HALF_LIFE_DAYS, EigenTrustStrategy.DEFAULT_HALF_LIFE_DAYS, 0,
                    EigenTrustStrategy.MAX_HALF_LIFE_DAYS,
                    "age in days at which a signal counts half as much as a new one; 0 turns decay off"),
            ParameterSpec.strings(PRE_TRUSTED,
                    "ids of the pre-trusted partners; empty for uniform pre-trust over all partners; ids naming no "
                            + "partner are ignored with a warning"),
            ParameterSpec.number(DAMPING, EigenTrust.DEFAULT_DAMPING, 0, 1,
                    "weight a of the pre-trusted distribution in every step, strictly between 0 and 1"),
            ParameterSpec.number(TOLERANCE, EigenTrust.DEFAULT_TOLERANCE, 0, 1,
                    "the iteration stops when the L1 change of global trust is at most this"),
            ParameterSpec.integer(MAX_ITERATIONS, (long) EigenTrust.DEFAULT_MAX_ITERATIONS, 1, 1_000_000,
                    "most iterations; stopping here without convergence is a warning"),
            ParameterSpec.integer(BOOTSTRAP_RESAMPLES, (long) EigenTrustStrategy.DEFAULT_BOOTSTRAP_RESAMPLES, 0,
                    100_000, "resamples of the bootstrap interval over relationships; 0 turns intervals off"),
            ParameterSpec.integer(MAX_PARTNERS_FOR_BOOTSTRAP,
                    (long) EigenTrustStrategy.DEFAULT_MAX_PARTNERS_FOR_BOOTSTRAP, 0, Integer.MAX_VALUE,
                    "the bootstrap runs only on partnerships with at most this many partners"));

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public EigenTrustProvider() {
    }

    @Override
    public String id() {
        return EigenTrustStrategy.ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.TRUST;
    }

    @Override
    public String description() {
        return "Global trust share per partner from engagement signals by EigenTrust, with pre-trusted partners, "
                + "damping and a bootstrap interval (Kamvar, Schlosser & Garcia-Molina 2003).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Creates the strategy.
     *
     * @param parameters checked values with defaults filled in
     * @return the strategy
     * @throws InvalidConfigException when {@code damping} is 0 or 1, the ends of its declared range that the
     *                                algorithm excludes
     */
    @Override
    public ScoringStrategy create(StrategyParameters parameters) {
        double damping = parameters.number(DAMPING);
        if (!(damping > 0 && damping < 1)) {
            throw new InvalidConfigException(null, List.of(new Problem("/strategies/" + EigenTrustStrategy.ID + "/"
                    + DAMPING, "damping must lie strictly between 0 and 1, was " + damping)));
        }
        EigenTrust algorithm = new EigenTrust(damping, parameters.number(TOLERANCE),
                Math.toIntExact(parameters.integer(MAX_ITERATIONS)));
        return new EigenTrustStrategy(parameters.number(HALF_LIFE_DAYS), parameters.strings(PRE_TRUSTED), algorithm,
                Math.toIntExact(parameters.integer(BOOTSTRAP_RESAMPLES)),
                Math.toIntExact(parameters.integer(MAX_PARTNERS_FOR_BOOTSTRAP)));
    }
}
