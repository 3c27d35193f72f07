package dev.partnership;

import java.util.Locale;

/**
 * What a {@link Rating} rates, and the scale it is on.
 *
 * <p>The first six follow the PARTNER tool (Varda et al.): three trust dimensions and three value dimensions,
 * each on 1–4. {@link #COLLABORATION_LEVEL} is the Levels of Collaboration scale, 0 (no interaction) to 5
 * (collaboration).
 */
public enum RatingDimension {
    /** PARTNER trust: the ratee does what it says it will (1–4). */
    RELIABILITY(1, 4, Group.TRUST),
    /** PARTNER trust: the ratee shares the partnership's mission (1–4). */
    MISSION_SUPPORT(1, 4, Group.TRUST),
    /** PARTNER trust: the ratee is open to discussion (1–4). */
    OPENNESS(1, 4, Group.TRUST),
    /** PARTNER value: the ratee's power and influence (1–4). */
    POWER(1, 4, Group.VALUE),
    /** PARTNER value: the ratee's level of involvement (1–4). */
    INVOLVEMENT(1, 4, Group.VALUE),
    /** PARTNER value: the resources the ratee contributes (1–4). */
    RESOURCES(1, 4, Group.VALUE),
    /** Levels of Collaboration: 0 none, 1 networking, 2 cooperation, 3 coordination, 4 coalition, 5 collaboration. */
    COLLABORATION_LEVEL(0, 5, Group.COLLABORATION);

    /** Which family of ratings a dimension belongs to. */
    public enum Group {
        /** PARTNER trust dimensions. */
        TRUST,
        /** PARTNER value dimensions. */
        VALUE,
        /** Levels of Collaboration. */
        COLLABORATION
    }

    private final int min;
    private final int max;
    private final Group group;

    RatingDimension(int min, int max, Group group) {
        this.min = min;
        this.max = max;
        this.group = group;
    }

    /**
     * Returns the lowest value on this dimension's scale.
     *
     * @return the scale minimum, inclusive
     */
    public int min() {
        return min;
    }

    /**
     * Returns the highest value on this dimension's scale.
     *
     * @return the scale maximum, inclusive
     */
    public int max() {
        return max;
    }

    /**
     * Returns the family this dimension belongs to.
     *
     * @return the group
     */
    public Group group() {
        return group;
    }

    /**
     * Returns whether {@code value} lies on this dimension's scale, bounds included.
     *
     * @param value a rating value
     * @return {@code true} when {@code min() <= value <= max()}
     */
    public boolean accepts(double value) {
        return value >= min && value <= max;
    }

    /**
     * Describes the scale for error messages, for example {@code "1-4"}.
     *
     * @return the scale in words
     */
    public String scale() {
        return String.format(Locale.ROOT, "%d-%d", min, max);
    }
}
