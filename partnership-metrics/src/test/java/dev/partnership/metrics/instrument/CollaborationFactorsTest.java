package dev.partnership.metrics.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Instrument;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.SurveyResponse;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.metrics.stats.CronbachAlpha;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests of {@link CollaborationFactors}: the strategy contract, hand-computed scores, privacy and waves. */
class CollaborationFactorsTest extends ScoringStrategyContractTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final double EPS = 1e-12;

    @Override
    protected ScoringStrategyProvider provider() {
        return new CollaborationFactorsProvider();
    }

    /**
     * Four partners, four respondents each, answering the built-in collaboration-factors instrument in waves
     * 2024-spring and 2024-autumn (ratings one step higher in autumn for half the items), with a few gaps.
     */
    @Override
    protected Partnership realisticPartnership() {
        Partnership.Builder b = Partnership.builder("rb", "Riverbend survey", START);
        String[] partners = {"school", "clinic", "library", "council"};
        PartnerType[] types = {PartnerType.SCHOOL, PartnerType.NONPROFIT, PartnerType.NONPROFIT,
                PartnerType.GOVERNMENT};
        for (int p = 0; p < partners.length; p++) {
            b.partner(new Partner(partners[p], partners[p].toUpperCase(Locale.ROOT), types[p]));
        }
        String[] waves = {"2024-autumn", "2024-spring"};
        for (int w = 0; w < waves.length; w++) {
            for (int p = 0; p < partners.length; p++) {
                for (int r = 0; r < 4; r++) {
                    Map<String, Integer> answers = new LinkedHashMap<>();
                    for (int item = 1; item <= 40; item++) {
                        if ((item + r + p) % 17 == 0) {
                            continue;
                        }
                        int lift = w == 0 && item % 2 == 0 ? 1 : 0;
                        int a = 2 + p % 3 + (r + item) % 2 + lift - (item % 5 == 0 ? 1 : 0);
                        answers.put(String.format(Locale.ROOT, "cf%02d", item), Math.max(1, Math.min(5, a)));
                    }
                    b.survey(new SurveyResponse("collaboration-factors", waves[w],
                            String.format(Locale.ROOT, "resp-%s-%d", partners[p], r), partners[p], answers));
                }
            }
        }
        return b.build();
    }

    /** A two-factor instrument: a (a1, a2), b (b1 reverse-coded, b2), both in category c; don't-know code 9. */
    private static final Instrument MINI = new Instrument("mini", "Mini", new Instrument.Scale(1, 5, 9),
            List.of(new Instrument.Item("a1", "a", false), new Instrument.Item("a2", "a", false),
                    new Instrument.Item("b1", "b", true), new Instrument.Item("b2", "b", false)),
            List.of(new Instrument.Factor("a", "Factor A", "c"), new Instrument.Factor("b", "Factor B", "c")),
            List.of(new Instrument.Category("c", "Category C")),
            List.of(new Instrument.Band("STRENGTH", 4.0), new Instrument.Band("BORDERLINE", 3.0),
                    new Instrument.Band("CONCERN", null)));

    private static SurveyResponse answer(String wave, String respondent, String partner, int a1, int a2, int b1,
                                         int b2) {
        return new SurveyResponse("mini", wave, respondent, partner, Map.of("a1", a1, "a2", a2, "b1", b1, "b2", b2));
    }

    /** Three respondents of partner p1 in wave w1; respondent 2 answers "don't know" to a2. */
    private static Partnership.Builder mini() {
        return Partnership.builder("m", "Mini", START)
                .partner(new Partner("p1", "P1", PartnerType.NONPROFIT))
                .partner(new Partner("p2", "P2", PartnerType.BUSINESS))
                .instrument(MINI)
                .survey(answer("w1", "resp-secret-1", "p1", 5, 3, 1, 4))
                .survey(answer("w1", "resp-secret-2", "p1", 4, 9, 2, 2))
                .survey(answer("w1", "resp-secret-3", "p1", 2, 2, 5, 3));
    }

    private static StrategyResult score(CollaborationFactors s, Partnership p, int minCell) {
        return s.score(new ScoringContext(p, EvidenceIndex.of(p, START), START, 0.95, 1L, minCell));
    }

    private static Score find(StrategyResult r, Subject subject) {
        return r.scores().stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void handComputedFactorCategoryAndPartnershipScores() {
        StrategyResult r = score(new CollaborationFactors(), mini().build(), 3);
        Score a = find(r, Subject.factor("mini", "a", "c"));
        assertEquals(10.0 / 3, a.value(), EPS); // (5+3)/2, 4 (don't know left out), (2+2)/2
        assertEquals("BORDERLINE", a.band());
        assertEquals(1.0, a.detail("dontKnowAnswers"));
        assertEquals(Map.of("p1", 10.0 / 3), a.details().get("partnerMeans"));
        assertTrue(a.details().containsKey("alphaWithheld"), "only 2 complete cases for factor a");
        Score b = find(r, Subject.factor("mini", "b", "c"));
        assertEquals(9.5 / 3, b.value(), EPS); // reverse-coded b1: 6 − answer → (5+4)/2, (4+2)/2, (1+3)/2
        CronbachAlpha alpha = CronbachAlpha.of(new double[][] {{5, 4}, {4, 2}, {1, 3}}, 0.95).orElseThrow();
        assertEquals(alpha.alpha(), b.detail("cronbachAlpha"), EPS);
        assertEquals(alpha.interval().low(), b.detail("alphaLow"), EPS);
        Score c = find(r, Subject.factor("mini", null, "c"));
        assertEquals(9.75 / 3, c.value(), EPS); // 4.25, 3.5, 2
        assertTrue(c.interval().contains(c.value()));
        Score whole = find(r, Subject.partnership());
        assertEquals(0.5625, whole.value(), EPS); // ((4.25−1)/4 + (3.5−1)/4 + (2−1)/4)/3
        assertEquals(whole.value(), whole.normalized(), 0);
        assertEquals(whole.interval(), whole.normalizedInterval());
        assertTrue(whole.normalizedInterval().low() >= 0);
    }

    @Test
    void completeCasePolicyDropsRespondentsWithGapsAndSuppresses() {
        StrategyResult r = score(new CollaborationFactors().withMissing(CollaborationFactors.COMPLETE),
                mini().build(), 3);
        Score a = find(r, Subject.factor("mini", "a", "c"));
        assertEquals(ScoreStatus.SUPPRESSED, a.status());
        assertTrue(Double.isNaN(a.value()));
        assertTrue(a.details().containsKey("reason"));
        assertEquals(ScoreStatus.OK, find(r, Subject.factor("mini", "b", "c")).status());
    }

    @Test
    void smallCellsAreSuppressedAndRespondentIdsNeverAppear() {
        Partnership p = mini().survey(answer("w1", "resp-secret-4", "p2", 1, 1, 1, 1)).build();
        StrategyResult r = score(new CollaborationFactors(), p, 3);
        assertEquals(List.of(), r.warnings());
        // p1 has 3 respondents and is shown; p2 has 1 and is withheld and counted.
        Score a = find(r, Subject.factor("mini", "a", "c"));
        assertEquals(4.0, a.n());
        assertEquals(Map.of("p1", 10.0 / 3), a.details().get("partnerMeans"));
        assertEquals(1.0, a.detail("partnersWithheld"));
        assertFalse(r.toString().contains("resp-secret"), r.toString());
        StrategyResult strict = score(new CollaborationFactors(), mini().build(), 4);
        for (Score s : strict.scores()) {
            assertEquals(ScoreStatus.SUPPRESSED, s.status(), s.subject().toString());
            assertNull(s.interval());
            assertTrue(Double.isNaN(s.n()), "the cell size is withheld too");
            assertTrue(s.details().containsKey("reason"));
            assertFalse(s.details().toString().matches(".*\\b3 respondents.*"), s.details().toString());
        }
    }

    @Test
    void latestWaveIsScoredWithTheChangeFromThePreviousOne() {
        Partnership p = mini().survey(answer("w0", "resp-secret-1", "p1", 1, 1, 5, 1))
                .survey(answer("w0", "resp-secret-2", "p1", 1, 1, 5, 2))
                .survey(answer("w0", "resp-secret-5", "p1", 1, 1, 5, 3)).build();
        Score a = find(score(new CollaborationFactors(), p, 3), Subject.factor("mini", "a", "c"));
        assertEquals("w1", a.details().get("wave"));
        assertEquals(10.0 / 3 - 1, a.detail("changeFromPrevious"), EPS);
        assertTrue(a.detail("changeLow") < a.detail("changeFromPrevious"));
        Score early = find(score(new CollaborationFactors().withWaves(List.of("w0")), p, 3),
                Subject.factor("mini", "b", "c"));
        assertEquals("w0", early.details().get("wave"));
        assertEquals(1.5, early.value(), EPS); // (1+1)/2, (1+2)/2, (1+3)/2
        assertFalse(early.details().containsKey("changeFromPrevious"));
    }

    @Test
    void builtInPartnershipSynergyIsScoredWithReverseCodedDrawbacks() {
        Partnership.Builder b = Partnership.builder("s", "Synergy", START)
                .partner(new Partner("p1", "P1", PartnerType.NONPROFIT));
        for (int r = 0; r < 3; r++) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (int i = 1; i <= 30; i++) {
                answers.put(String.format(Locale.ROOT, "ps%02d", i), i == 30 ? 9 : 2);
            }
            b.survey(new SurveyResponse("partnership-synergy", "w", "resp-" + r, "p1", answers));
        }
        StrategyResult r = score(new CollaborationFactors(), b.build(), 3);
        assertEquals(4.0, find(r, Subject.factor("partnership-synergy", "drawbacks", "drawbacks")).value(), EPS);
        Score sat = find(r, Subject.factor("partnership-synergy", "satisfaction", "satisfaction"));
        assertEquals(2.0, sat.value(), EPS);
        assertEquals(3.0, sat.detail("dontKnowAnswers"));
        assertEquals("CONCERN", sat.band());
    }

    @Test
    void realisticSurveyCarriesAlphaChangeAndPartnerMeans() {
        StrategyResult r = run(strategy(), realisticPartnership());
        Score history = find(r, Subject.factor("collaboration-factors", "history", "environment"));
        assertEquals("2024-spring", history.details().get("wave"));
        assertEquals(16.0, history.n());
        assertEquals(4, ((Map<?, ?>) history.details().get("partnerMeans")).size());
        assertTrue(history.details().containsKey("cronbachAlpha"), history.details().toString());
        assertTrue(history.details().containsKey("changeFromPrevious"), history.details().toString());
        assertEquals(20 + 6 + 1, r.scores().size());
        assertEquals(ScoreStatus.OK, find(r, Subject.partnership()).status());
    }

    @Test
    void unknownPolicyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CollaborationFactors("pairwise", List.of()));
    }
}
