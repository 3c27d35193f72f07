package dev.partnership;

/**
 * How much one partner cares about one goal.
 *
 * <p>Immutable and thread-safe. Weights are on whatever scale the partnership used (for example 1–5); alignment
 * strategies compare partners by rank or by normalised vectors, so only the relative order and size matter.
 *
 * @param partner id of the partner
 * @param goal    id of the goal
 * @param weight  importance; finite (zero and negative weights are allowed and handled by each strategy)
 */
public record Priority(String partner, String goal, double weight) {

    /** Validates the components; see the record description for the rules. */
    public Priority {
        partner = Identifiers.requireId(partner, "priority partner");
        goal = Identifiers.requireId(goal, "priority goal");
        Identifiers.requireFinite(weight, "priority weight");
    }
}
