package dev.partnership;

/** Whether a {@link Score} carries a value. */
public enum ScoreStatus {
    /** The score was computed; its value is finite. */
    OK,
    /** The evidence is too thin to compute the score; no value is given rather than a made-up one. */
    INSUFFICIENT_EVIDENCE,
    /** The score rests on fewer respondents than the privacy threshold allows; its value is withheld. */
    SUPPRESSED
}
