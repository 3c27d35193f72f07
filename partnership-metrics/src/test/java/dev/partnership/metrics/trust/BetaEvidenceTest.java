package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.partnership.Interval;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link BetaEvidence} against the worked values for Jøsang &amp; Ismail (2002), "The Beta Reputation
 * System" (expectation, reputation, forgetting and discounting), as listed in the project's reference vectors
 * (VECTORS.md, Trust / Beta reputation, values marked [C]: computed independently from the paper's formulas).
 */
class BetaEvidenceTest {
    private static final BetaEvidence POSITIVE = new BetaEvidence(1, 0);
    private static final BetaEvidence NEGATIVE = new BetaEvidence(0, 1);

    @Test
    void expectationAndReputationMatchThePublishedFormulas() {
        // Jøsang & Ismail 2002, E = (r+1)/(r+s+2), Rep = (r-s)/(r+s+2); VECTORS.md.
        assertEquals(0.75, new BetaEvidence(8, 2).expectation(), 1e-15);
        assertEquals(0.5, new BetaEvidence(8, 2).reputation(), 1e-15);
        assertEquals(0.65625, new BetaEvidence(20, 10).expectation(), 1e-15);
        assertEquals(0.3125, new BetaEvidence(20, 10).reputation(), 1e-15);
        assertEquals(0.5, BetaEvidence.NONE.expectation(), 0);
        assertEquals(0.0, BetaEvidence.NONE.reputation(), 0);
        assertEquals(30, new BetaEvidence(20, 10).total(), 0);
        assertEquals(new BetaEvidence(28, 12), new BetaEvidence(8, 2).plus(new BetaEvidence(20, 10)));
    }

    @Test
    void forgettingWeighsOlderRatingsDown() {
        // VECTORS.md: λ = 0.9 over (+, +, −, +, +), oldest first → r = 3.2851, s = 0.81, E = 0.7030401470.
        BetaEvidence e = BetaEvidence.withForgetting(List.of(POSITIVE, POSITIVE, NEGATIVE, POSITIVE, POSITIVE), 0.9);
        assertEquals(3.2851, e.r(), 1e-12);
        assertEquals(0.81, e.s(), 1e-12);
        assertEquals(0.7030401470, e.expectation(), 1e-10);
    }

    @Test
    void forgettingFactorOneKeepsEverythingAndZeroKeepsTheNewest() {
        List<BetaEvidence> ratings = List.of(NEGATIVE, POSITIVE, NEGATIVE, POSITIVE);
        assertEquals(new BetaEvidence(2, 2), BetaEvidence.withForgetting(ratings, 1));
        assertEquals(new BetaEvidence(1, 0), BetaEvidence.withForgetting(ratings, 0));
        assertEquals(BetaEvidence.NONE, BetaEvidence.withForgetting(List.of(), 0.5));
    }

    @Test
    void discountingMatchesThePublishedFormula() {
        // VECTORS.md: X→Y (8, 2), Y→T (10, 0) → (2.5, 0), E = 0.7777777778; X→Y (0, 0) → (0, 0).
        BetaEvidence d = BetaEvidence.discount(new BetaEvidence(8, 2), new BetaEvidence(10, 0));
        assertEquals(2.5, d.r(), 1e-12);
        assertEquals(0.0, d.s(), 0);
        assertEquals(0.7777777778, d.expectation(), 1e-10);
        assertEquals(BetaEvidence.NONE, BetaEvidence.discount(BetaEvidence.NONE, new BetaEvidence(10, 3)));
    }

    @Test
    void discountingAlongAChainAppliesTheLinksInOrder() {
        BetaEvidence xy = new BetaEvidence(8, 2);
        BetaEvidence yz = new BetaEvidence(10, 0);
        BetaEvidence zt = new BetaEvidence(4, 4);
        assertSame(xy, BetaEvidence.discountChain(List.of(xy)));
        assertEquals(BetaEvidence.discount(BetaEvidence.discount(xy, yz), zt),
                BetaEvidence.discountChain(List.of(xy, yz, zt)));
        // (2.5, 0) over (4, 4): D = 2·10 + 5 = 25, r' = 2·2.5·4/25 = 0.8, s' = 0.8.
        BetaEvidence derived = BetaEvidence.discountChain(List.of(xy, yz, zt));
        assertEquals(0.8, derived.r(), 1e-12);
        assertEquals(0.8, derived.s(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> BetaEvidence.discountChain(List.of()));
    }

    @Test
    void intervalMatchesTheFormerCommonsMathSearch() {
        // The interval used to come from Commons Math's generic Brent search (accuracy 1e-12); the dedicated
        // quantile must give the same ends within 1e-10 for evidence of every size a partnership produces.
        double[] amounts = {0, 0.37, 1, 2.5, 8, 40, 250.75, 3_000, 20_000};
        for (double r : amounts) {
            for (double s : amounts) {
                for (double level : new double[] {0.9, 0.95, 0.99}) {
                    Interval got = new BetaEvidence(r, s).interval(level);
                    BetaDistribution former = new BetaDistribution(null, r + 1, s + 1, 1e-12);
                    assertEquals(former.inverseCumulativeProbability((1 - level) / 2), got.low(), 1e-10,
                            "low end for (" + r + ", " + s + ") at " + level);
                    assertEquals(former.inverseCumulativeProbability((1 + level) / 2), got.high(), 1e-10,
                            "high end for (" + r + ", " + s + ") at " + level);
                }
            }
        }
    }

    @Test
    void intervalMatchesClosedFormBetaQuantiles() {
        // Beta(1, 1) is uniform: its 95% equal-tailed interval is (0.025, 0.975).
        Interval uniform = BetaEvidence.NONE.interval(0.95);
        assertEquals(0.025, uniform.low(), 1e-9);
        assertEquals(0.975, uniform.high(), 1e-9);
        assertEquals(0.95, uniform.level(), 0);
        // Beta(10, 1) has CDF x^10, so its quantiles are q^(1/10).
        Interval allPositive = new BetaEvidence(9, 0).interval(0.9);
        assertEquals(Math.pow(0.05, 0.1), allPositive.low(), 1e-9);
        assertEquals(Math.pow(0.95, 0.1), allPositive.high(), 1e-9);
        // Beta(1, 10) mirrors it: quantiles 1 − (1 − q)^(1/10).
        Interval allNegative = new BetaEvidence(0, 9).interval(0.9);
        assertEquals(1 - Math.pow(0.95, 0.1), allNegative.low(), 1e-9);
        assertEquals(1 - Math.pow(0.05, 0.1), allNegative.high(), 1e-9);
        // Beta(9, 3), from SciPy's beta.ppf([0.025, 0.975], 9, 3).
        Interval mixed = new BetaEvidence(8, 2).interval(0.95);
        assertEquals(0.48224415, mixed.low(), 1e-8);
        assertEquals(0.93978227, mixed.high(), 1e-8);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BetaEvidence(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BetaEvidence(0, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new BetaEvidence(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new BetaEvidence(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> BetaEvidence.NONE.interval(1.0));
        assertThrows(IllegalArgumentException.class, () -> BetaEvidence.NONE.interval(0));
        assertThrows(IllegalArgumentException.class, () -> BetaEvidence.withForgetting(List.of(POSITIVE), 1.5));
        assertThrows(IllegalArgumentException.class, () -> BetaEvidence.withForgetting(List.of(POSITIVE), -0.1));
    }

    @Test
    void expectationLiesInsideItsIntervalAndInsideTheOpenUnitInterval() {
        qt().withFixedSeed(17).withExamples(300)
                .forAll(doubles().between(0, 1e5), doubles().between(0, 1e5))
                .checkAssert((r, s) -> {
                    BetaEvidence e = new BetaEvidence(r, s);
                    double expectation = e.expectation();
                    assertTrue(expectation > 0 && expectation < 1, "E in (0, 1) for " + e);
                    Interval interval = e.interval(0.95);
                    assertTrue(interval.contains(expectation), () -> "E " + expectation + " in " + interval);
                    assertTrue(interval.low() >= 0 && interval.high() <= 1, "interval in [0, 1] for " + e);
                    // E and Rep carry the same information: E = (Rep + 1) / 2.
                    assertEquals((e.reputation() + 1) / 2, expectation, 1e-12);
                });
    }

    @Test
    void discountingNeverAddsEvidence() {
        qt().withFixedSeed(23).withExamples(300)
                .forAll(doubles().between(0, 1e4), doubles().between(0, 1e4), doubles().between(0, 1e4),
                        doubles().between(0, 1e4))
                .checkAssert((r1, s1, r2, s2) -> {
                    BetaEvidence d = BetaEvidence.discount(new BetaEvidence(r1, s1), new BetaEvidence(r2, s2));
                    assertTrue(d.r() <= r2 && d.s() <= s2, "discounted " + d + " within (" + r2 + ", " + s2 + ")");
                });
    }
}
