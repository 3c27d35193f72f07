package dev.partnership.internal;

import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Instrument;
import dev.partnership.Measurement;
import dev.partnership.Partner;
import dev.partnership.Priority;
import dev.partnership.Problem;
import dev.partnership.Rating;
import dev.partnership.SurveyResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the references between the parts of a partnership. Locations are the JSON pointers the values have in
 * a {@code partnership-dataset/1} document, so that errors from code and from files read alike.
 */
public final class PartnershipValidator {
    private PartnershipValidator() {
    }

    /**
     * Lists every duplicate id and dangling reference. Cost O(total size) with hash look-ups.
     *
     * @param partners     partners
     * @param goals        goals
     * @param priorities   priorities
     * @param signals      signals
     * @param ratings      ratings
     * @param surveys      survey responses
     * @param measurements measurements
     * @param instruments  declared instruments
     * @return the problems in document order, empty when consistent
     */
    public static List<Problem> crossReferenceProblems(List<Partner> partners, List<Goal> goals,
                                                       List<Priority> priorities, List<EngagementSignal> signals,
                                                       List<Rating> ratings, List<SurveyResponse> surveys,
                                                       List<Measurement> measurements,
                                                       List<Instrument> instruments) {
        List<Problem> problems = new ArrayList<>();
        Set<String> partnerIds = uniqueIds(partners, Partner::id, "/partners", "partner", problems);
        Set<String> goalIds = uniqueIds(goals, Goal::id, "/goals", "goal", problems);
        for (int g = 0; g < goals.size(); g++) {
            List<String> owners = goals.get(g).owners();
            Set<String> seen = new HashSet<>();
            for (int o = 0; o < owners.size(); o++) {
                String at = "/goals/" + g + "/owners/" + o;
                requireKnown(owners.get(o), partnerIds, "partner", at, problems);
                if (!seen.add(owners.get(o))) {
                    problems.add(new Problem(at, "owner '" + owners.get(o) + "' is listed twice"));
                }
            }
        }
        Set<String> priorityPairs = new HashSet<>();
        for (int i = 0; i < priorities.size(); i++) {
            Priority p = priorities.get(i);
            requireKnown(p.partner(), partnerIds, "partner", "/priorities/" + i + "/partner", problems);
            requireKnown(p.goal(), goalIds, "goal", "/priorities/" + i + "/goal", problems);
            if (!priorityPairs.add(p.partner() + '\u0000' + p.goal())) {
                problems.add(new Problem("/priorities/" + i, String.format(Locale.ROOT,
                        "partner '%s' already has a priority for goal '%s'", p.partner(), p.goal())));
            }
        }
        for (int i = 0; i < signals.size(); i++) {
            EngagementSignal s = signals.get(i);
            requireKnown(s.source(), partnerIds, "partner", "/signals/" + i + "/source", problems);
            if (s.target() != null) {
                requireKnown(s.target(), partnerIds, "partner", "/signals/" + i + "/target", problems);
            }
            if (s.goal() != null) {
                requireKnown(s.goal(), goalIds, "goal", "/signals/" + i + "/goal", problems);
            }
        }
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = ratings.get(i);
            requireKnown(r.rater(), partnerIds, "partner", "/ratings/" + i + "/rater", problems);
            requireKnown(r.ratee(), partnerIds, "partner", "/ratings/" + i + "/ratee", problems);
        }
        Map<String, Instrument> instrumentsById = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            Instrument ins = instruments.get(i);
            String at = "/instruments/" + i + "/id";
            if (Instrument.builtIn(ins.id()).isPresent()) {
                problems.add(new Problem(at, "instrument id '" + ins.id() + "' is a built-in instrument; declare yours under another id"));
            } else if (instrumentsById.putIfAbsent(ins.id(), ins) != null) {
                problems.add(new Problem(at, "duplicate instrument id '" + ins.id() + "'"));
            }
        }
        Set<String> responseKeys = new HashSet<>();
        for (int i = 0; i < surveys.size(); i++) {
            SurveyResponse r = surveys.get(i);
            String at = "/surveys/" + i;
            Instrument ins = instrumentsById.get(r.instrument());
            if (ins == null) {
                ins = Instrument.builtIn(r.instrument()).orElse(null);
            }
            if (ins == null) {
                problems.add(new Problem(at + "/instrument", "unknown instrument '" + r.instrument()
                        + "' (neither built in nor declared under /instruments)"));
            }
            if (r.partner() != null) {
                requireKnown(r.partner(), partnerIds, "partner", at + "/partner", problems);
            }
            if (!responseKeys.add(r.instrument() + '\u0000' + r.wave() + '\u0000' + r.respondent())) {
                problems.add(new Problem(at, String.format(Locale.ROOT,
                        "respondent '%s' already answered instrument '%s' in wave '%s'", r.respondent(), r.instrument(), r.wave())));
            }
            if (ins != null) {
                checkAnswers(r, ins, at, problems);
            }
        }
        for (int i = 0; i < measurements.size(); i++) {
            requireKnown(measurements.get(i).goal(), goalIds, "goal", "/measurements/" + i + "/goal", problems);
        }
        return problems;
    }

    private static void checkAnswers(SurveyResponse r, Instrument ins, String at, List<Problem> problems) {
        Set<String> itemIds = new HashSet<>();
        for (Instrument.Item item : ins.items()) {
            itemIds.add(item.id());
        }
        for (Map.Entry<String, Integer> e : r.answers().entrySet()) {
            String where = JsonPointers.child(at + "/answers", e.getKey());
            if (!itemIds.contains(e.getKey())) {
                problems.add(new Problem(where, "instrument '" + ins.id() + "' has no item '" + e.getKey() + "'"));
            } else if (!ins.scale().accepts(e.getValue())) {
                Instrument.Scale s = ins.scale();
                problems.add(new Problem(where, String.format(Locale.ROOT, "answer %d is outside the scale %d-%d%s",
                        e.getValue(), s.min(), s.max(), s.dontKnow() == null ? "" : " (don't know: " + s.dontKnow() + ")")));
            }
        }
    }

    private static <T> Set<String> uniqueIds(List<T> items, java.util.function.Function<T, String> id, String path,
                                             String what, List<Problem> problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (!ids.add(value)) {
                problems.add(new Problem(path + "/" + i + "/id", "duplicate " + what + " id '" + value + "'"));
            }
        }
        return ids;
    }

    private static void requireKnown(String id, Set<String> known, String what, String at, List<Problem> problems) {
        if (!known.contains(id)) {
            problems.add(new Problem(at, "unknown " + what + " '" + id + "'"));
        }
    }
}
