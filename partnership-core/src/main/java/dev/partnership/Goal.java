package dev.partnership;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A goal the partners pursue together.
 *
 * <p>Immutable and thread-safe. Optional components are {@code null} when absent; lists are never {@code null}.
 *
 * @param id               identifier, unique among goals; non-blank
 * @param title            what the goal is, in words; non-blank
 * @param indicator        how progress is measured, or {@code null} when not yet defined
 * @param owners           ids of the partners accountable for the goal (may be empty; validated against the
 *                         partnership's partners when the {@link Partnership} is built)
 * @param deadline         when the target should be reached, or {@code null}
 * @param weight           relative importance among goals, finite and {@code > 0}; 1 when not declared
 * @param attainmentLevels either empty or exactly five indicator values for the Goal Attainment Scaling levels
 *                         −2, −1, 0, +1, +2, strictly monotone in the indicator's direction
 * @param attributes       additional properties, never {@code null}, copied into a map sorted by key; the attribute
 *                         {@value #CATEGORY} groups goals (for example alignment per group of goals)
 */
public record Goal(String id, String title, Indicator indicator, List<String> owners, Instant deadline,
                   double weight, List<Double> attainmentLevels, Map<String, String> attributes) {

    /** The attribute that names a goal's category. */
    public static final String CATEGORY = "category";

    /** Number of Goal Attainment Scaling levels (−2 … +2). */
    public static final int ATTAINMENT_LEVELS = 5;

    /** Validates and copies the components; see the record description for the rules. */
    public Goal {
        id = Identifiers.requireId(id, "goal id");
        title = Identifiers.requireText(title, "goal title");
        owners = List.copyOf(owners);
        Identifiers.requireFinite(weight, "goal weight");
        if (weight <= 0) {
            throw new IllegalArgumentException("goal weight must be > 0, was " + weight);
        }
        attainmentLevels = List.copyOf(attainmentLevels);
        String levelProblem = attainmentLevelsProblem(attainmentLevels, indicator);
        if (levelProblem != null) {
            throw new IllegalArgumentException(levelProblem);
        }
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
        attributes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute key");
            Objects.requireNonNull(v, () -> "attribute '" + k + "'");
        });
    }

    /**
     * Creates a goal without attributes.
     *
     * @param id               identifier
     * @param title            what the goal is
     * @param indicator        how progress is measured, or {@code null}
     * @param owners           accountable partners
     * @param deadline         deadline, or {@code null}
     * @param weight           relative importance, {@code > 0}
     * @param attainmentLevels empty or five Goal Attainment Scaling levels
     */
    public Goal(String id, String title, Indicator indicator, List<String> owners, Instant deadline, double weight,
                List<Double> attainmentLevels) {
        this(id, title, indicator, owners, deadline, weight, attainmentLevels, Map.of());
    }

    /**
     * Returns the goal's category: its {@value #CATEGORY} attribute.
     *
     * @return the category, or {@code null} when the goal has none
     */
    public String category() {
        return attributes.get(CATEGORY);
    }

    /**
     * Creates a goal with weight 1 and no attainment levels.
     *
     * @param id        identifier
     * @param title     what the goal is
     * @param indicator how progress is measured, or {@code null}
     * @param owners    accountable partners
     * @param deadline  deadline, or {@code null}
     */
    public Goal(String id, String title, Indicator indicator, List<String> owners, Instant deadline) {
        this(id, title, indicator, owners, deadline, 1.0, List.of(), Map.of());
    }

    /**
     * Describes what is wrong with a list of attainment levels, or returns {@code null} when it is acceptable:
     * empty, or five finite values strictly monotone in the indicator's direction (increasing for
     * {@link Direction#HIGHER_IS_BETTER}), which requires an indicator.
     *
     * @param levels    the levels, possibly empty
     * @param indicator the goal's indicator, or {@code null}
     * @return a message naming the problem, or {@code null}
     */
    public static String attainmentLevelsProblem(List<Double> levels, Indicator indicator) {
        Objects.requireNonNull(levels, "attainmentLevels");
        if (levels.isEmpty()) {
            return null;
        }
        if (levels.size() != ATTAINMENT_LEVELS) {
            return String.format(Locale.ROOT, "attainmentLevels must hold exactly %d values (levels -2..+2), has %d",
                    ATTAINMENT_LEVELS, levels.size());
        }
        if (indicator == null) {
            return "attainmentLevels need an indicator to say which way is better";
        }
        int sign = indicator.direction().sign();
        for (int i = 0; i < levels.size(); i++) {
            Double v = levels.get(i);
            if (v == null || !Double.isFinite(v)) {
                return "attainmentLevels must be finite numbers, level " + (i - 2) + " is " + v;
            }
            if (i > 0 && sign * (v - levels.get(i - 1)) <= 0) {
                return String.format(Locale.ROOT,
                        "attainmentLevels must be strictly %s (direction %s), but level %d (%s) does not follow level %d (%s)",
                        sign > 0 ? "increasing" : "decreasing", indicator.direction(), i - 2, v, i - 3, levels.get(i - 1));
            }
        }
        return null;
    }
}
