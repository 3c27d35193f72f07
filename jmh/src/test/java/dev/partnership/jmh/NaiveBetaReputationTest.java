package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.metrics.trust.BetaReputationProvider;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's baseline must compute what the strategy computes, or the ratio means nothing. */
class NaiveBetaReputationTest {

    @Test
    void baselineAgreesWithTheStrategyOnEveryPairAndPartner() {
        Partnership p = SignalWorkload.partnership(6, 5_000, 7L);
        BetaReputationProvider provider = new BetaReputationProvider();
        StrategyParameters parameters = StrategyParameters.defaults(provider.id(), provider.parameters());
        ScoringContext context = new ScoringContext(p, EvidenceIndex.of(p, SignalWorkload.END), SignalWorkload.END,
                0.95, 1L, 3);
        StrategyResult result = provider.create(parameters).score(context);
        Map<String, NaiveBetaReputation.Entry> naive = NaiveBetaReputation.score(p.signals(), SignalWorkload.END,
                parameters.number("halfLifeDays"), 0.95);

        int compared = 0;
        for (Score s : result.scores()) {
            String key;
            if (s.subject() instanceof Subject.PairSubject pair) {
                key = pair.from() + "->" + pair.to();
            } else if (s.subject() instanceof Subject.PartnerSubject partner) {
                key = partner.partner();
            } else {
                continue;
            }
            NaiveBetaReputation.Entry e = naive.get(key);
            assertEquals(e.r(), s.detail("r"), 1e-9 * Math.max(1, e.r()), key + " r");
            assertEquals(e.s(), s.detail("s"), 1e-9 * Math.max(1, e.s()), key + " s");
            assertEquals(e.e(), s.value(), 1e-12, key + " E");
            assertEquals(e.low(), s.interval().low(), 1e-9, key + " low");
            assertEquals(e.high(), s.interval().high(), 1e-9, key + " high");
            compared++;
        }
        // 6 partners: 30 ordered pairs and 6 partners, all with plenty of evidence.
        assertEquals(36, compared);
        assertTrue(naive.size() >= compared);
    }
}
