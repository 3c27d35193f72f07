package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.partnership.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Tests {@link Opinion} against the subjective-logic vectors of the project's reference list (VECTORS.md, Trust /
 * Subjective logic, after Jøsang, A. (2016), <i>Subjective Logic</i>, Springer, §3.5, §12.3 and §12.5, and the classic
 * discounting of Jøsang &amp; Pope (2005); values marked [C]: computed independently from the published formulas),
 * the u = 0 limits, and properties of the operators.
 */
class OpinionTest {
    private static final double W = 2;
    private static final double EPS = 1e-10;

    private static Opinion ev(double r, double s) {
        return ev(r, s, 0.5);
    }

    private static Opinion ev(double r, double s, double a) {
        return Opinion.fromEvidence(new BetaEvidence(r, s), W, a);
    }

    private static void assertOpinion(double b, double d, double u, double p, Opinion o, double tolerance) {
        assertEquals(b, o.belief(), tolerance, "b of " + o);
        assertEquals(d, o.disbelief(), tolerance, "d of " + o);
        assertEquals(u, o.uncertainty(), tolerance, "u of " + o);
        assertEquals(p, o.projectedProbability(), tolerance, "P of " + o);
    }

    private static void assertSameOpinion(Opinion expected, Opinion actual, double tolerance) {
        assertOpinion(expected.belief(), expected.disbelief(), expected.uncertainty(),
                expected.projectedProbability(), actual, tolerance);
        assertEquals(expected.baseRate(), actual.baseRate(), tolerance, "a of " + actual);
    }

    @Test
    void evidenceMapsToOpinionsAsPublished() {
        // VECTORS.md, W = 2, a = 0.5: ev(8,2) = (0.6666666667, 0.1666666667, 0.1666666667), P 0.75;
        // ev(3,5) = (0.3, 0.5, 0.2), P 0.4.
        assertOpinion(0.6666666667, 0.1666666667, 0.1666666667, 0.75, ev(8, 2), EPS);
        assertOpinion(0.3, 0.5, 0.2, 0.4, ev(3, 5), EPS);
        assertEquals(new Opinion(0, 0, 1, 0.5), ev(0, 0));
        assertEquals(Opinion.vacuous(0.3), ev(0, 0, 0.3));
        assertEquals(0.3, Opinion.vacuous(0.3).projectedProbability(), 0);
        // With W = 2 and a = 0.5, P is the Beta reputation expectation E = (r + 1)/(r + s + 2).
        assertEquals(new BetaEvidence(8, 2).expectation(), ev(8, 2).projectedProbability(), 1e-15);
    }

    @Test
    void cumulativeFusionOfTheVectorsEqualsAddingTheirEvidence() {
        // VECTORS.md: cumulative fusion of ev(8,2) and ev(3,5) = (0.55, 0.35, 0.1), P 0.6 = ev(11, 7).
        Opinion fused = ev(8, 2).cumulativeFuse(ev(3, 5));
        assertOpinion(0.55, 0.35, 0.1, 0.6, fused, EPS);
        assertSameOpinion(ev(11, 7), fused, EPS);
        assertEquals(0.5, fused.baseRate(), 0);
        assertSameOpinion(fused, Opinion.cumulativeFusion(List.of(ev(3, 5), ev(8, 2))), EPS);
    }

    @Test
    void averagingFusionOfTheVectors() {
        // VECTORS.md: averaging fusion = (0.5, 0.3181818182, 0.1818181818), P 0.5909090909.
        Opinion averaged = ev(8, 2).averageWith(ev(3, 5));
        assertOpinion(0.5, 0.3181818182, 0.1818181818, 0.5909090909, averaged, EPS);
        // Averaging is idempotent: a view fused with itself is unchanged.
        assertSameOpinion(ev(8, 2), ev(8, 2).averageWith(ev(8, 2)), EPS);
        // Its k-source form averages the evidence: ev(8,2), ev(3,5), ev(1,2) → ev(4, 3).
        assertSameOpinion(ev(4, 3), Opinion.averagingFusion(List.of(ev(8, 2), ev(3, 5), ev(1, 2))), EPS);
    }

    @Test
    void classicDiscountingMatchesThePublishedVector() {
        // VECTORS.md: trust ev(6,0) = (0.75, 0, 0.25) over ev(2,8) with a = 0.3 → (0.125, 0.5, 0.375), P 0.2375.
        Opinion trust = ev(6, 0);
        assertOpinion(0.75, 0, 0.25, 0.875, trust, EPS);
        Opinion derived = trust.discount(ev(2, 8, 0.3));
        assertOpinion(0.125, 0.5, 0.375, 0.2375, derived, EPS);
        assertEquals(0.3, derived.baseRate(), 0);
        // Distrust in the advisor turns into uncertainty, not into distrust of the target.
        Opinion distrusted = ev(0, 6).discount(ev(9, 1));
        assertEquals(Opinion.vacuous(0.5), distrusted);
        // ev(0, 6.2) has d + u = 1.0000000000000002 in floating point; the discounted u stays within [0, 1].
        assertEquals(Opinion.vacuous(0.5), ev(0, 6.2).discount(ev(9, 1)));
    }

    @Test
    void dogmaticLimitsAreHandled() {
        Opinion certainGood = new Opinion(1, 0, 0, 0.5);
        Opinion certainBad = new Opinion(0, 1, 0, 0.5);
        Opinion mixed = new Opinion(0.2, 0.6, 0.2, 0.5);
        // Two dogmatic opinions: equal relative dogmatism, the mean (Jøsang 2016 §12.3, case II).
        assertOpinion(0.5, 0.5, 0, 0.5, certainGood.cumulativeFuse(certainBad), 0);
        assertOpinion(0.5, 0.5, 0, 0.5, certainGood.averageWith(certainBad), 0);
        // A dogmatic opinion outweighs any uncertain one, in both fusions.
        assertEquals(certainGood, certainGood.cumulativeFuse(mixed));
        assertEquals(certainGood, mixed.averageWith(certainGood));
        // Three dogmatic opinions count equally, whatever the order of the list.
        assertOpinion(1.0 / 3, 2.0 / 3, 0, 1.0 / 3,
                Opinion.cumulativeFusion(List.of(certainGood, certainBad, certainBad, mixed)), 1e-15);
        // Vacuous opinions: the neutral element of cumulative fusion; two of them keep u = 1 and average a.
        assertSameOpinion(mixed, mixed.cumulativeFuse(Opinion.vacuous(0.5)), 1e-15);
        Opinion bothVacuous = Opinion.vacuous(0.2).cumulativeFuse(Opinion.vacuous(0.6));
        assertOpinion(0, 0, 1, 0.4, bothVacuous, 1e-15);
        assertTrue(certainGood.isDogmatic());
        assertThrows(IllegalArgumentException.class, () -> certainGood.toEvidence(W));
    }

    @Test
    void intervalIsTheBetaIntervalOfTheEvidenceAndPrior() {
        // Vacuous with W = 2, a = 0.5: the uniform prior Beta(1, 1), 95% interval (0.025, 0.975).
        Interval prior = Opinion.vacuous(0.5).interval(W, 0.95);
        assertEquals(0.025, prior.low(), 1e-9);
        assertEquals(0.975, prior.high(), 1e-9);
        // ev(8,2): Beta(9, 3), SciPy beta.ppf([0.025, 0.975], 9, 3) = (0.48224415, 0.93978227).
        Interval interval = ev(8, 2).interval(W, 0.95);
        assertEquals(0.48224415, interval.low(), 1e-8);
        assertEquals(0.93978227, interval.high(), 1e-8);
        // a = 0.1, W = 10, ev(0, 0): Beta(1, 9), CDF 1 − (1 − x)^9, quantiles 1 − (1 − q)^(1/9).
        Interval skewed = Opinion.fromEvidence(BetaEvidence.NONE, 10, 0.1).interval(10, 0.9);
        assertEquals(1 - Math.pow(0.95, 1.0 / 9), skewed.low(), 1e-9);
        assertEquals(1 - Math.pow(0.05, 1.0 / 9), skewed.high(), 1e-9);
        // A dogmatic opinion is a point mass at P.
        Interval point = new Opinion(0.7, 0.3, 0, 0.5).interval(W, 0.95);
        assertEquals(0.7, point.low(), 0);
        assertEquals(0.7, point.high(), 0);
        // Back to evidence: r = W b / u, s = W d / u.
        BetaEvidence back = ev(8, 2).toEvidence(W);
        assertEquals(8, back.r(), 1e-12);
        assertEquals(2, back.s(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Opinion(0.5, 0.5, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Opinion(-0.1, 0.6, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Opinion(Double.NaN, 0.5, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Opinion(0.5, 0.5, 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Opinion(0.5, 0.5, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Opinion.fromEvidence(BetaEvidence.NONE, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Opinion.fromEvidence(BetaEvidence.NONE, Double.POSITIVE_INFINITY, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Opinion.cumulativeFusion(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Opinion.averagingFusion(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ev(1, 1).interval(W, 1));
        assertThrows(IllegalArgumentException.class, () -> new Opinion(1, 0, 0, 0.5).interval(W, 0));
    }

    // ------------------------------------------------------------------------------------------ properties

    private static Gen<Double> evidence() {
        return doubles().between(0, 1e4);
    }

    private static void assertWellFormed(Opinion o) {
        double sum = o.belief() + o.disbelief() + o.uncertainty();
        assertEquals(1, sum, 1e-12, "b + d + u of " + o);
        for (double x : new double[] {o.belief(), o.disbelief(), o.uncertainty(), o.baseRate(),
                o.projectedProbability()}) {
            assertTrue(x >= 0 && x <= 1, "component in [0, 1] of " + o);
        }
    }

    @Test
    void everyOperatorKeepsTheComponentsInTheUnitIntervalSummingToOne() {
        qt().withFixedSeed(5).withExamples(300)
                .forAll(evidence(), evidence(), evidence(), evidence())
                .checkAssert((r1, s1, r2, s2) -> {
                    Opinion a = ev(r1, s1, 0.3);
                    Opinion b = ev(r2, s2, 0.7);
                    for (Opinion o : List.of(a, b, a.cumulativeFuse(b), a.averageWith(b), a.discount(b),
                            b.discount(a))) {
                        assertWellFormed(o);
                    }
                });
    }

    @Test
    void cumulativeFusionEqualsPoolingTheEvidence() {
        qt().withFixedSeed(7).withExamples(300)
                .forAll(evidence(), evidence(), evidence(), evidence())
                .checkAssert((r1, s1, r2, s2) -> assertSameOpinion(ev(r1 + r2, s1 + s2),
                        ev(r1, s1).cumulativeFuse(ev(r2, s2)), 1e-12));
    }

    @Test
    void cumulativeFusionIsCommutativeAndAssociative() {
        qt().withFixedSeed(11).withExamples(300)
                .forAll(evidence(), evidence(), evidence(), doubles().between(0.01, 0.99))
                .checkAssert((x, y, z, a) -> {
                    Opinion p = ev(x, y, a);
                    Opinion q = ev(y, z, a);
                    Opinion r = ev(z, x, a);
                    assertEquals(p.cumulativeFuse(q), q.cumulativeFuse(p), "commutative, exactly");
                    assertSameOpinion(p.cumulativeFuse(q).cumulativeFuse(r), p.cumulativeFuse(q.cumulativeFuse(r)),
                            1e-12);
                    assertSameOpinion(p.cumulativeFuse(q).cumulativeFuse(r),
                            Opinion.cumulativeFusion(List.of(p, q, r)), 1e-12);
                    // Averaging fusion is commutative too (it is not associative, so it takes all sources at once).
                    assertEquals(p.averageWith(q), q.averageWith(p));
                });
    }

    @Test
    void morePositiveEvidenceNeverLowersTheProjectedProbability() {
        qt().withFixedSeed(13).withExamples(300)
                .forAll(evidence(), evidence(), doubles().between(1e-3, 100), doubles().between(0.01, 0.99))
                .checkAssert((r, s, more, a) -> {
                    assertTrue(ev(r + more, s, a).projectedProbability() >= ev(r, s, a).projectedProbability());
                    assertTrue(ev(r, s + more, a).projectedProbability() <= ev(r, s, a).projectedProbability());
                });
    }
}
