package dev.partnership.examples.strategy;

import dev.partnership.Dimension;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.Subject;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code information-reciprocity} (ENGAGEMENT): of the pairs of partners between whom information flowed at all,
 * the share where it flowed both ways. Information that only ever flows one way is a sign of a hub-and-spoke
 * partnership rather than a network.
 *
 * <p>Formula: with P the unordered pairs {A, B} that have at least one {@link SignalKind#INFORMATION_SHARED} signal
 * from A to B or from B to A at or before {@code asOf}, and R ⊆ P those with signals in both directions,
 * {@code value = |R| / |P|}; {@code n = |P|}. Fewer than {@value #MIN_PAIRS} pairs give
 * {@code INSUFFICIENT_EVIDENCE}. No interval: the pairs of one partnership are not a sample from anything, so the
 * share describes it rather than estimates a rate. Descriptive, so it leaves {@code normalized} unset and does not
 * move the engagement summary.
 *
 * <p>Cost O(S + P²) for S signals and P partners. Immutable and thread-safe.
 */
public final class InformationReciprocity implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "information-reciprocity";
    /** Fewest pairs with information flow for a score. */
    public static final int MIN_PAIRS = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        int p = ev.partnerCount();
        boolean[] flows = new boolean[p * p];
        for (int i = 0; i < ev.signalCount(); i++) {
            int target = ev.signalTarget(i);
            if (ev.signalKind(i) == SignalKind.INFORMATION_SHARED && target != EvidenceIndex.NONE
                    && target != ev.signalSource(i)) {
                flows[ev.signalSource(i) * p + target] = true;
            }
        }
        int pairs = 0;
        int both = 0;
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                boolean ab = flows[a * p + b];
                boolean ba = flows[b * p + a];
                if (ab || ba) {
                    pairs++;
                    if (ab && ba) {
                        both++;
                    }
                }
            }
        }
        Score.Builder s = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership()).n(pairs)
                .detail("pairs", pairs).detail("reciprocated", both);
        if (pairs < MIN_PAIRS) {
            return new StrategyResult(List.of(s.insufficient(String.format(Locale.ROOT,
                    "information flowed between %d pairs of partners, fewer than %d", pairs, MIN_PAIRS))
                    .explanation("Too few partners shared information to judge whether it flows both ways.")
                    .build()), List.of());
        }
        double share = (double) both / pairs;
        return new StrategyResult(List.of(s.value(share).explanation(String.format(Locale.ROOT,
                "Information flowed both ways in %d of the %d pairs of partners that shared any.", both, pairs))
                .build()), List.of());
    }
}
