package dev.partnership;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One respondent's answers to one wave of a survey instrument.
 *
 * <p>Immutable and thread-safe. {@code answers} maps item id to the integer answered; an item that was not
 * answered is absent. A declared "don't know" code stays in the map and is kept apart from missing answers by
 * the scoring strategies. The respondent id is used to pair waves and is never written to any evaluation output.
 *
 * @param instrument id of the instrument (a built-in or one declared in the dataset)
 * @param wave       label of the survey wave (for example {@code 2025-spring})
 * @param respondent pseudonymous respondent id
 * @param partner    id of the partner the respondent belongs to, or {@code null}
 * @param answers    item id to answer, copied into a map sorted by item id
 */
public record SurveyResponse(String instrument, String wave, String respondent, String partner,
                             Map<String, Integer> answers) {

    /** Validates and copies the components; see the record description for the rules. */
    public SurveyResponse {
        instrument = Identifiers.requireId(instrument, "instrument");
        wave = Identifiers.requireId(wave, "wave");
        respondent = Identifiers.requireId(respondent, "respondent");
        if (partner != null) {
            Identifiers.requireId(partner, "partner");
        }
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(answers, "answers")));
        answers.forEach((k, v) -> {
            Identifiers.requireId(k, "item id");
            Objects.requireNonNull(v, () -> "answer to '" + k + "'");
        });
    }
}
