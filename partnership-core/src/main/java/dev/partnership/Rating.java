package dev.partnership;

import java.time.Instant;
import java.util.Objects;

/**
 * One partner's rating of another on one {@link RatingDimension}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at        when the rating was given
 * @param rater     id of the partner giving the rating
 * @param ratee     id of the partner rated; differs from {@code rater}
 * @param dimension what is rated
 * @param value     the rating, on the dimension's scale
 */
public record Rating(Instant at, String rater, String ratee, RatingDimension dimension, double value) {

    /** Validates the components; see the record description for the rules. */
    public Rating {
        Objects.requireNonNull(at, "at");
        rater = Identifiers.requireId(rater, "rater");
        ratee = Identifiers.requireId(ratee, "ratee");
        if (rater.equals(ratee)) {
            throw new IllegalArgumentException("a partner cannot rate itself ('" + rater + "')");
        }
        Objects.requireNonNull(dimension, "dimension");
        if (!dimension.accepts(value)) {
            throw new IllegalArgumentException("rating value for " + dimension + " must be on its scale "
                    + dimension.scale() + ", was " + value);
        }
    }
}
