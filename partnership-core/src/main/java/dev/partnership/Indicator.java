package dev.partnership;

import java.util.Objects;

/**
 * The measurable indicator of a {@link Goal}: what is measured, in which unit, which way is better, and where it
 * starts and should end.
 *
 * <p>Immutable and thread-safe. {@code unit}, {@code baseline} and {@code target} may be {@code null} when the
 * partnership has not declared them; the {@code goal-structure} strategy reports such goals as incomplete.
 *
 * @param name      what is measured; non-blank
 * @param unit      unit of the indicator (for example {@code %}), or {@code null}
 * @param direction which way the indicator improves
 * @param baseline  value before the partnership, or {@code null}; finite when present
 * @param target    value the partnership aims for, or {@code null}; finite when present
 */
public record Indicator(String name, String unit, Direction direction, Double baseline, Double target) {

    /** Validates the components; see the record description for the rules. */
    public Indicator {
        name = Identifiers.requireText(name, "indicator name");
        Objects.requireNonNull(direction, "direction");
        baseline = Identifiers.requireFiniteOrNull(baseline, "baseline");
        target = Identifiers.requireFiniteOrNull(target, "target");
    }
}
