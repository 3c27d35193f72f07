package dev.partnership;

/** What a score is about. Every {@link dev.partnership.spi.ScoringStrategy} belongs to exactly one dimension. */
public enum Dimension {
    /** Partners' trust in one another: behavioural, perceived and network-wide. */
    TRUST,
    /** Whether partners want the same things and whether the goals are well formed. */
    ALIGNMENT,
    /** Whether the partnership moved its indicators. */
    IMPACT,
    /** Who takes part, who gives, who benefits, and the partnership's rhythm. */
    ENGAGEMENT,
    /** Survey instruments such as the collaboration factors. */
    INSTRUMENT,
    /** The composite of the other dimensions. */
    HEALTH
}
