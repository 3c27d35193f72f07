package dev.partnership;

/** Whose outcomes a {@link Measurement} describes. */
public enum MeasurementGroup {
    /** Students, schools or units served by the partnership. */
    PARTNERSHIP,
    /** A comparison group not served by the partnership. */
    COMPARISON
}
