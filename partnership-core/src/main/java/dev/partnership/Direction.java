package dev.partnership;

/** Which way an {@link Indicator} improves. */
public enum Direction {
    /** Larger values are better (for example a graduation rate). */
    HIGHER_IS_BETTER,
    /** Smaller values are better (for example a chronic absence rate). */
    LOWER_IS_BETTER;

    /**
     * Returns {@code +1} for {@link #HIGHER_IS_BETTER} and {@code -1} for {@link #LOWER_IS_BETTER}: the sign
     * that turns a change in the indicator into an improvement.
     *
     * @return the improvement sign
     */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}
