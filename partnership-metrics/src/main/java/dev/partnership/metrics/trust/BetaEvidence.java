package dev.partnership.metrics.trust;

import dev.partnership.Interval;
import dev.partnership.metrics.stats.BetaQuantile;
import java.util.List;
import java.util.Locale;

/**
 * Positive and negative evidence about one party, and the arithmetic of the Beta reputation system (Jøsang, A.
 * and Ismail, R. (2002), "The Beta Reputation System", <i>Proceedings of the 15th Bled Electronic Commerce
 * Conference</i>).
 *
 * <p>With {@code r} units of positive and {@code s} of negative evidence, the posterior of the probability that
 * the party behaves well, from a uniform prior, is Beta(r + 1, s + 1). Its expectation is
 * {@code E = (r + 1) / (r + s + 2)} and the reputation rating on [−1, 1] is {@code Rep = (r − s) / (r + s + 2)}.
 * Examples: (8, 2) gives E 0.75 and Rep 0.5; (0, 0) gives E 0.5.
 *
 * <p>Immutable and thread-safe. Every method is O(1) except {@link #interval(double)} (Halley steps on the
 * regularized incomplete beta function, {@link BetaQuantile}) and {@link #withForgetting(List, double)} (O(ratings)).
 *
 * @param r positive evidence, finite and {@code >= 0}
 * @param s negative evidence, finite and {@code >= 0}
 */
public record BetaEvidence(double r, double s) {

    /** No evidence at all: E = 0.5, the uniform prior. */
    public static final BetaEvidence NONE = new BetaEvidence(0, 0);

    /** Validates the components. */
    public BetaEvidence {
        if (!(r >= 0 && Double.isFinite(r)) || !(s >= 0 && Double.isFinite(s))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "evidence must be finite and >= 0, was r = %s, s = %s", r, s));
        }
    }

    /**
     * Returns the expected probability of good behaviour, {@code E = (r + 1) / (r + s + 2)}, in (0, 1).
     *
     * @return E
     */
    public double expectation() {
        return (r + 1) / (r + s + 2);
    }

    /**
     * Returns the reputation rating {@code Rep = (r − s) / (r + s + 2)}, in (−1, 1).
     *
     * @return Rep
     */
    public double reputation() {
        return (r - s) / (r + s + 2);
    }

    /**
     * Returns the total amount of evidence {@code r + s}.
     *
     * @return r + s
     */
    public double total() {
        return r + s;
    }

    /**
     * Returns the equal-tailed credible interval of Beta(r + 1, s + 1): its {@code (1 − level)/2} and
     * {@code (1 + level)/2} quantiles, accurate to about 1e-12 relative ({@link BetaQuantile}). For r, s ≥ 0 and
     * usual levels (0.8 and above) it contains {@link #expectation()}.
     *
     * @param level credible level in (0, 1)
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException when the level is outside (0, 1)
     */
    public Interval interval(double level) {
        return equalTailed(r + 1, s + 1, level);
    }

    /**
     * Returns the equal-tailed interval of Beta(α, β): its {@code (1 − level)/2} and {@code (1 + level)/2} quantiles,
     * accurate to about 1e-12 relative by {@link BetaQuantile} (Halley steps on the regularized incomplete beta
     * function, with {@code ln B(α, β)} computed once for both ends).
     *
     * @param alpha first shape, finite and {@code > 0}
     * @param beta  second shape, finite and {@code > 0}
     * @param level level in (0, 1)
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException when the level is outside (0, 1)
     */
    static Interval equalTailed(double alpha, double beta, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), was " + level);
        }
        return BetaQuantile.of(alpha, beta).equalTailed(level);
    }

    /**
     * Returns the evidence with another's added: {@code (r + r', s + s')}.
     *
     * @param other more evidence about the same party
     * @return the sum
     */
    public BetaEvidence plus(BetaEvidence other) {
        return new BetaEvidence(r + other.r, s + other.s);
    }

    /**
     * Combines ratings with a forgetting factor per rating (Jøsang &amp; Ismail 2002, section 3.3): with ratings
     * {@code (r_1, s_1) … (r_n, s_n)} oldest first, {@code r = Σ λ^{n−i} r_i} and {@code s = Σ λ^{n−i} s_i}, so the
     * newest rating counts fully and each older one λ times less. λ = 1 keeps everything; λ = 0 keeps only the
     * newest. Example: λ = 0.9 over (+, +, −, +, +) gives r = 3.2851, s = 0.81. Cost O(n).
     *
     * @param ratingsOldestFirst the ratings, oldest first (each usually (1, 0) or (0, 1))
     * @param lambda             the forgetting factor in [0, 1]
     * @return the discounted sum of the ratings
     * @throws IllegalArgumentException when λ is outside [0, 1]
     */
    public static BetaEvidence withForgetting(List<BetaEvidence> ratingsOldestFirst, double lambda) {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("forgetting factor must lie in [0, 1], was " + lambda);
        }
        double r = 0;
        double s = 0;
        for (BetaEvidence e : ratingsOldestFirst) {
            // Horner's scheme: age everything so far by one step, then add the new rating at full weight.
            r = r * lambda + e.r;
            s = s * lambda + e.s;
        }
        return new BetaEvidence(r, s);
    }

    /**
     * Discounts a recommender's evidence by the trust in the recommender (Jøsang &amp; Ismail 2002, section 3.4):
     * X's evidence about Y is {@code (r1, s1)} and Y's about T is {@code (r2, s2)}; X's derived evidence about T is
     * {@code r' = 2 r1 r2 / D}, {@code s' = 2 r1 s2 / D} with {@code D = (s1 + 2)(r2 + s2 + 2) + 2 r1}. A recommender
     * with no positive evidence passes nothing on. Example: (8, 2) over (10, 0) gives (2.5, 0), E 0.7777777778.
     *
     * @param trustInRecommender X's evidence about the recommender Y
     * @param recommendation     Y's evidence about the target T
     * @return X's discounted evidence about T
     */
    public static BetaEvidence discount(BetaEvidence trustInRecommender, BetaEvidence recommendation) {
        double r1 = trustInRecommender.r;
        double s1 = trustInRecommender.s;
        double r2 = recommendation.r;
        double s2 = recommendation.s;
        double d = (s1 + 2) * (r2 + s2 + 2) + 2 * r1;
        double r = 2 * r1 * r2 / d;
        double s = 2 * r1 * s2 / d;
        if (!Double.isFinite(r) || !Double.isFinite(s)) {
            // Evidence near 1e300 overflows 2 r1 r2. r1 / d <= 1/2 since d >= 2 r1, so dividing first keeps every
            // product finite; a d that overflows makes the passed-on evidence 0, its limit.
            double share = 2 * (r1 / d);
            r = share * r2;
            s = share * s2;
        }
        return new BetaEvidence(r, s);
    }

    /**
     * Discounts along a chain of recommendations X → Y₁ → … → T by applying {@link #discount} from the start:
     * {@code discount(…discount(discount(e₁, e₂), e₃)…, e_k)}. A chain of one link is that link's evidence.
     * Cost O(k).
     *
     * @param chain the evidence along the chain, from the first truster's outward, at least one link
     * @return the first truster's derived evidence about the chain's end
     * @throws IllegalArgumentException when the chain is empty
     */
    public static BetaEvidence discountChain(List<BetaEvidence> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one link");
        }
        BetaEvidence derived = chain.get(0);
        for (int i = 1; i < chain.size(); i++) {
            derived = discount(derived, chain.get(i));
        }
        return derived;
    }
}
