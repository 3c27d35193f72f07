package dev.partnership.metrics.alignment;

import dev.partnership.Warning;
import dev.partnership.spi.EvidenceIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which goals the partners' priorities cover and which partners can be compared on them, by listwise deletion: the
 * goals are those at least one partner weighted (within a given set of goals), the complete partners weighted every
 * one of them, the partial partners weighted some but not all, and the rest weighted none. Shared by the strategies
 * that need a complete partners × goals matrix ({@link KendallW}, {@link RaterAgreement}).
 *
 * <p>Immutable. Cost O(P G) to build for P partners and G goals.
 *
 * @param goals             interned goals that at least one partner weighted, in goal-id order
 * @param unweightedGoals   ids of the goals of the set that no partner weighted
 * @param complete          interned partners who weighted every goal in {@code goals}, in partner-id order
 * @param partial           interned partners who weighted some but not all of them, in partner-id order
 * @param withoutPriorities how many partners weighted none of them
 */
record PrioritySelection(List<Integer> goals, List<String> unweightedGoals, List<Integer> complete,
                         List<Integer> partial, int withoutPriorities) {

    /** Copies the lists. */
    PrioritySelection {
        goals = List.copyOf(goals);
        unweightedGoals = List.copyOf(unweightedGoals);
        complete = List.copyOf(complete);
        partial = List.copyOf(partial);
    }

    /**
     * Selects over every goal of the partnership.
     *
     * @param ev the evidence
     * @return the selection
     */
    static PrioritySelection of(EvidenceIndex ev) {
        List<Integer> all = new ArrayList<>();
        for (int g = 0; g < ev.goalCount(); g++) {
            all.add(g);
        }
        return of(ev, all);
    }

    /**
     * Selects over a set of goals.
     *
     * @param ev        the evidence
     * @param candidate interned goals to consider, in goal-id order
     * @return the selection
     */
    static PrioritySelection of(EvidenceIndex ev, List<Integer> candidate) {
        List<Integer> weighted = new ArrayList<>();
        List<String> unweighted = new ArrayList<>();
        for (int g : candidate) {
            boolean any = false;
            for (int p = 0; p < ev.partnerCount() && !any; p++) {
                any = !Double.isNaN(ev.priority(p, g));
            }
            if (any) {
                weighted.add(g);
            } else {
                unweighted.add(ev.goalId(g));
            }
        }
        List<Integer> complete = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        int without = 0;
        for (int p = 0; p < ev.partnerCount(); p++) {
            int given = 0;
            for (int g : weighted) {
                if (!Double.isNaN(ev.priority(p, g))) {
                    given++;
                }
            }
            if (given == 0) {
                without++;
            } else if (given < weighted.size()) {
                partial.add(p);
            } else {
                complete.add(p);
            }
        }
        return new PrioritySelection(weighted, unweighted, complete, partial, without);
    }

    /**
     * Returns the ids of the partial partners.
     *
     * @param ev the evidence the selection was made on
     * @return partner ids in id order
     */
    List<String> partialIds(EvidenceIndex ev) {
        List<String> ids = new ArrayList<>();
        for (int p : partial) {
            ids.add(ev.partnerId(p));
        }
        return ids;
    }

    /**
     * Returns the {@code EXCLUDED_INPUT} warnings for unweighted goals and partial partners, worded for the
     * computation they were left out of.
     *
     * @param ev              the evidence the selection was made on
     * @param strategy        the strategy id raising them
     * @param goalsLeftOut    what unweighted goals were left out of, for example {@code "the concordance"}
     * @param partnersLeftOut what partial partners were left out of
     * @param afterwards      a sentence fragment appended to the partial-partner warning (may be empty)
     * @return the warnings, possibly empty
     */
    List<Warning> exclusionWarnings(EvidenceIndex ev, String strategy, String goalsLeftOut, String partnersLeftOut,
                                    String afterwards) {
        List<Warning> out = new ArrayList<>();
        if (!unweightedGoals.isEmpty() && !goals.isEmpty()) {
            out.add(new Warning(Warning.EXCLUDED_INPUT, strategy, String.format(Locale.ROOT,
                    "no partner gave a priority for goal%s %s, so %s left out of %s",
                    unweightedGoals.size() == 1 ? "" : "s", String.join(", ", unweightedGoals),
                    unweightedGoals.size() == 1 ? "it was" : "they were", goalsLeftOut)));
        }
        List<String> ids = partialIds(ev);
        if (!ids.isEmpty()) {
            out.add(new Warning(Warning.EXCLUDED_INPUT, strategy, String.format(Locale.ROOT,
                    "partner%s %s weighted some but not all of the %d goals and %s left out of %s "
                            + "(listwise deletion)%s",
                    ids.size() == 1 ? "" : "s", String.join(", ", ids), goals.size(),
                    ids.size() == 1 ? "was" : "were", partnersLeftOut, afterwards)));
        }
        return out;
    }
}
