package dev.partnership.metrics.trust;

import dev.partnership.Interval;
import java.util.List;
import java.util.Locale;

/**
 * A binomial subjective opinion (Jøsang, A. (2016), <i>Subjective Logic: A Formalism for Reasoning Under
 * Uncertainty</i>, Springer): belief b, disbelief d and uncertainty u with {@code b + d + u = 1}, and a base rate a,
 * the probability assumed when nothing is known. Its projected probability is {@code P = b + a · u}.
 *
 * <p><b>From evidence</b> (§3.5): r units of positive and s of negative evidence with a non-informative prior weight W
 * (usually 2) give {@code b = r/(r + s + W)}, {@code d = s/(r + s + W)}, {@code u = W/(r + s + W)}. The opinion
 * corresponds to the Beta(r + W·a, s + W·(1 − a)) distribution, whose mean is P; with W = 2 and a = 0.5 that is
 * the Beta(r + 1, s + 1) of the Beta reputation system. Examples with W = 2, a = 0.5: ev(8, 2) = (0.667, 0.167,
 * 0.167), P = 0.75; ev(3, 5) = (0.3, 0.5, 0.2), P = 0.4.
 *
 * <p><b>Operators.</b> {@link #cumulativeFusion(List)} (§12.3) pools independent evidence, {@link
 * #averagingFusion(List)} (§12.5) averages dependent views, and {@link #discount(Opinion)} passes an advisor's
 * opinion on through the trust in the advisor (classic discounting, Jøsang, A. and Pope, S. (2005), "Semantic
 * Constraints for Trust Transitivity", <i>Proceedings of the 2nd Asia-Pacific Conference on Conceptual
 * Modelling</i>). Dogmatic opinions (u = 0) are handled by the limits stated on each operator.
 *
 * <p>Immutable and thread-safe. Every method is O(1) except the list operators (O(k) for k opinions) and {@link
 * #interval(double, double)} (a Beta quantile search).
 *
 * @param belief      b, in [0, 1]
 * @param disbelief   d, in [0, 1]
 * @param uncertainty u, in [0, 1]; {@code b + d + u = 1} within {@value #TOLERANCE}
 * @param baseRate    a, the prior probability, in [0, 1]
 */
public record Opinion(double belief, double disbelief, double uncertainty, double baseRate) {

    /** Largest accepted distance of {@code b + d + u} from 1, for rounding in the operators. */
    public static final double TOLERANCE = 1e-9;
    /** The usual non-informative prior weight W: two outcomes, a uniform prior when a = 0.5. */
    public static final double DEFAULT_PRIOR_WEIGHT = 2.0;

    /** Validates the components; see the record description for the rules. */
    public Opinion {
        if (!unit(belief) || !unit(disbelief) || !unit(uncertainty) || !unit(baseRate)
                || !(Math.abs(belief + disbelief + uncertainty - 1) <= TOLERANCE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an opinion needs b, d, u, a in [0, 1] and b + d + u = 1, was b = %s, d = %s, u = %s, a = %s",
                    belief, disbelief, uncertainty, baseRate));
        }
    }

    private static boolean unit(double x) {
        return x >= 0 && x <= 1;
    }

    /**
     * Returns the vacuous opinion (0, 0, 1, a): nothing is known, and P equals the base rate.
     *
     * @param baseRate a, in [0, 1]
     * @return the vacuous opinion
     */
    public static Opinion vacuous(double baseRate) {
        return new Opinion(0, 0, 1, baseRate);
    }

    /**
     * Maps evidence to an opinion (Jøsang 2016 §3.5): {@code b = r/(r + s + W)}, {@code d = s/(r + s + W)},
     * {@code u = W/(r + s + W)}.
     *
     * @param evidence    positive r and negative s evidence
     * @param priorWeight W, finite and {@code > 0}
     * @param baseRate    a, in [0, 1]
     * @return the opinion
     * @throws IllegalArgumentException when W is not positive and finite or a is outside [0, 1]
     */
    public static Opinion fromEvidence(BetaEvidence evidence, double priorWeight, double baseRate) {
        requirePriorWeight(priorWeight);
        double total = evidence.r() + evidence.s() + priorWeight;
        return new Opinion(evidence.r() / total, evidence.s() / total, priorWeight / total, baseRate);
    }

    private static void requirePriorWeight(double priorWeight) {
        if (!(priorWeight > 0 && Double.isFinite(priorWeight))) {
            throw new IllegalArgumentException("prior weight W must be finite and > 0, was " + priorWeight);
        }
    }

    /**
     * Returns the projected probability {@code P = b + a · u}, in [0, 1].
     *
     * @return P
     */
    public double projectedProbability() {
        return belief + baseRate * uncertainty;
    }

    /**
     * Returns whether the opinion is dogmatic (u = 0): it corresponds to infinite evidence.
     *
     * @return {@code true} when u = 0
     */
    public boolean isDogmatic() {
        return uncertainty == 0;
    }

    /**
     * Maps the opinion back to evidence (Jøsang 2016 §3.5): {@code r = W · b / u}, {@code s = W · d / u}.
     *
     * @param priorWeight W, finite and {@code > 0}
     * @return the evidence
     * @throws IllegalArgumentException when the opinion is dogmatic (its evidence is infinite) or W is bad
     */
    public BetaEvidence toEvidence(double priorWeight) {
        requirePriorWeight(priorWeight);
        if (isDogmatic()) {
            throw new IllegalArgumentException("a dogmatic opinion (u = 0) has infinite evidence");
        }
        return new BetaEvidence(priorWeight * belief / uncertainty, priorWeight * disbelief / uncertainty);
    }

    /**
     * Returns the equal-tailed interval of the opinion's Beta distribution Beta(W·b/u + W·a, W·d/u + W·(1 − a))
     * (Jøsang 2016 §3.5), whose mean is P. For evidence (r, s) that is Beta(r + W·a, s + W·(1 − a)); for the vacuous
     * opinion it is the prior Beta(W·a, W·(1 − a)). A dogmatic opinion is a point mass at P: its interval is [P, P].
     * When a is 0 or 1 and the matching evidence is 0, the shape would be 0; it is floored at 1e-12 (a point mass
     * at the boundary).
     *
     * @param priorWeight W, finite and {@code > 0}
     * @param level       level in (0, 1)
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException when W or the level is out of range
     */
    public Interval interval(double priorWeight, double level) {
        if (isDogmatic()) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
            }
            double p = projectedProbability();
            return new Interval(p, p, level);
        }
        BetaEvidence e = toEvidence(priorWeight);
        double alpha = Math.max(e.r() + priorWeight * baseRate, 1e-12);
        double beta = Math.max(e.s() + priorWeight * (1 - baseRate), 1e-12);
        return BetaEvidence.equalTailed(alpha, beta, level);
    }

    /**
     * Fuses this opinion with another by cumulative fusion; see {@link #cumulativeFusion(List)}.
     *
     * @param other an opinion from an independent source about the same thing
     * @return the fused opinion
     */
    public Opinion cumulativeFuse(Opinion other) {
        return cumulativeFusion(List.of(this, other));
    }

    /**
     * Cumulative fusion of independent opinions about the same thing (Jøsang 2016 §12.3), which pools their
     * evidence: for opinions from evidence with a common W, {@code fuse(ev(r₁, s₁), ev(r₂, s₂)) = ev(r₁ + r₂,
     * s₁ + s₂)}. For two opinions A and B with u not both 0 it is {@code b = (b_A u_B + b_B u_A)/(u_A + u_B − u_A u_B)},
     * {@code u = u_A u_B/(u_A + u_B − u_A u_B)}; its k-source form, used here, is {@code b = Σ(b_i/u_i)/K},
     * {@code d = Σ(d_i/u_i)/K}, {@code u = 1/K} with {@code K = Σ(1/u_i) − (k − 1)}, and the base rate is the mean of
     * the a_i weighted by the evidence {@code (1 − u_i)/u_i} (plain mean when all are vacuous).
     * <p>Limit u = 0 (§12.3, case II): when some opinions are dogmatic they outweigh every other, and the result is
     * the equally weighted mean of the dogmatic opinions' b, d and a, with u = 0. The vacuous opinion is the
     * neutral element. Commutative and associative (up to rounding). Cost O(k).
     *
     * @param opinions at least one opinion
     * @return the fused opinion
     * @throws IllegalArgumentException when the list is empty
     */
    public static Opinion cumulativeFusion(List<Opinion> opinions) {
        Opinion dogmatic = dogmaticMean(opinions);
        if (dogmatic != null) {
            return dogmatic;
        }
        Sums sums = Sums.of(opinions);
        double k = sums.inverseU - (opinions.size() - 1);
        double baseRate = sums.evidence > 0 ? sums.evidenceWeightedBaseRate / sums.evidence
                : sums.baseRate / opinions.size();
        return clipped(sums.beliefOverU / k, sums.disbeliefOverU / k, 1 / k, baseRate);
    }

    /**
     * Fuses this opinion with another by averaging fusion; see {@link #averagingFusion(List)}.
     *
     * @param other an opinion about the same thing, possibly dependent on this one
     * @return the fused opinion
     */
    public Opinion averageWith(Opinion other) {
        return averagingFusion(List.of(this, other));
    }

    /**
     * Averaging fusion of opinions about the same thing that may depend on each other (Jøsang 2016 §12.5): for
     * two opinions with u not both 0, {@code b = (b_A u_B + b_B u_A)/(u_A + u_B)}, {@code u = 2 u_A u_B/(u_A + u_B)};
     * its k-source form, used here, is {@code b = Σ(b_i/u_i)/Σ(1/u_i)}, {@code d = Σ(d_i/u_i)/Σ(1/u_i)},
     * {@code u = k/Σ(1/u_i)}, and {@code a} the mean of the a_i. For evidence opinions with a common W this averages
     * the evidence: {@code ev(r̄, s̄)}. Limit u = 0: the result is the equally weighted mean of the dogmatic opinions,
     * with u = 0. Commutative and idempotent, but not associative: fuse all sources in one call. Cost O(k).
     *
     * @param opinions at least one opinion
     * @return the fused opinion
     * @throws IllegalArgumentException when the list is empty
     */
    public static Opinion averagingFusion(List<Opinion> opinions) {
        Opinion dogmatic = dogmaticMean(opinions);
        if (dogmatic != null) {
            return dogmatic;
        }
        Sums sums = Sums.of(opinions);
        return clipped(sums.beliefOverU / sums.inverseU, sums.disbeliefOverU / sums.inverseU,
                opinions.size() / sums.inverseU, sums.baseRate / opinions.size());
    }

    /**
     * The sums both fusion operators need over opinions that are not dogmatic: Σ 1/u, Σ b/u, Σ d/u, the evidence
     * Σ (1 − u)/u = Σ (b + d)/u (relative to W), Σ a·(b + d)/u and Σ a.
     */
    private record Sums(double inverseU, double beliefOverU, double disbeliefOverU, double evidence,
                        double evidenceWeightedBaseRate, double baseRate) {
        static Sums of(List<Opinion> opinions) {
            double inverseU = 0;
            double beliefOverU = 0;
            double disbeliefOverU = 0;
            double evidence = 0;
            double evidenceWeightedBaseRate = 0;
            double baseRate = 0;
            for (Opinion o : opinions) {
                double inv = 1 / o.uncertainty;
                inverseU += inv;
                beliefOverU += o.belief * inv;
                disbeliefOverU += o.disbelief * inv;
                double weight = (o.belief + o.disbelief) * inv;
                evidence += weight;
                evidenceWeightedBaseRate += o.baseRate * weight;
                baseRate += o.baseRate;
            }
            return new Sums(inverseU, beliefOverU, disbeliefOverU, evidence, evidenceWeightedBaseRate, baseRate);
        }
    }

    /** Returns the equally weighted mean of the dogmatic opinions, or {@code null} when none is dogmatic. */
    private static Opinion dogmaticMean(List<Opinion> opinions) {
        if (opinions.isEmpty()) {
            throw new IllegalArgumentException("fusion needs at least one opinion");
        }
        int count = 0;
        double belief = 0;
        double disbelief = 0;
        double baseRate = 0;
        for (Opinion o : opinions) {
            if (o.isDogmatic()) {
                count++;
                belief += o.belief;
                disbelief += o.disbelief;
                baseRate += o.baseRate;
            }
        }
        if (count == 0) {
            return null;
        }
        return clipped(belief / count, disbelief / count, 0, baseRate / count);
    }

    /**
     * Builds an opinion from components computed each by its own formula (u directly, not as 1 − b − d, which
     * would lose its relative precision when u is small), clipping rounding just outside [0, 1].
     */
    private static Opinion clipped(double belief, double disbelief, double uncertainty, double baseRate) {
        return new Opinion(clip(belief), clip(disbelief), clip(uncertainty), clip(baseRate));
    }

    private static double clip(double x) {
        return Math.min(1, Math.max(0, x));
    }

    /**
     * Discounts an advisor's opinion by this opinion, the trust in the advisor (classic, uncertainty-favouring
     * discounting of Jøsang, A. and Pope, S. (2005), "Semantic Constraints for Trust Transitivity", APCCM 2005):
     * with this = trust (b₁, d₁, u₁) in the advisor and {@code advice} = the advisor's opinion (b₂, d₂,
     * u₂, a₂) about the target, {@code b = b₁ b₂}, {@code d = b₁ d₂}, {@code u = d₁ + u₁ + b₁ u₂}, {@code a = a₂}.
     * Distrust in the advisor becomes uncertainty, not distrust in the target. Example (W = 2): trust ev(6, 0) =
     * (0.75, 0, 0.25) over ev(2, 8) with a = 0.3 gives (0.125, 0.5, 0.375), P = 0.2375.
     *
     * @param advice the advisor's opinion about the target
     * @return the derived opinion about the target
     */
    public Opinion discount(Opinion advice) {
        double b = belief * advice.belief;
        double d = belief * advice.disbelief;
        double u = disbelief + uncertainty + belief * advice.uncertainty;
        // The sum may round just above 1 (d₁ + u₁ for a distrusted advisor, say).
        return clipped(b, d, u, advice.baseRate);
    }
}
