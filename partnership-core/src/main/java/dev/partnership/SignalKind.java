package dev.partnership;

/**
 * What an {@link EngagementSignal} records, and whether it counts for or against the source's trustworthiness.
 */
public enum SignalKind {
    /** The source attended a partnership meeting. */
    MEETING_ATTENDED(Polarity.POSITIVE),
    /** The source kept a commitment it made. */
    COMMITMENT_KEPT(Polarity.POSITIVE),
    /** The source shared a resource (money, staff time, space, equipment); {@code value} carries the amount. */
    RESOURCE_SHARED(Polarity.POSITIVE),
    /** The source shared information or data. */
    INFORMATION_SHARED(Polarity.POSITIVE),
    /** The source answered a request. */
    REQUEST_ANSWERED(Polarity.POSITIVE),
    /** The source took part in a joint activity. */
    JOINT_ACTIVITY(Polarity.POSITIVE),
    /** A conflict involving the source was resolved. */
    CONFLICT_RESOLVED(Polarity.POSITIVE),
    /** The source missed a meeting it was expected at. */
    MEETING_MISSED(Polarity.NEGATIVE),
    /** The source broke a commitment. */
    COMMITMENT_BROKEN(Polarity.NEGATIVE),
    /** The source ignored a request. */
    REQUEST_IGNORED(Polarity.NEGATIVE),
    /** A conflict arose involving the source. */
    CONFLICT(Polarity.NEGATIVE),
    /** Feedback about the source whose sign is carried by {@code value} in [−1, 1]. */
    FEEDBACK(Polarity.SIGNED);

    /** Whether a kind of signal counts as positive, negative, or carries its own sign. */
    public enum Polarity {
        /** Evidence for the source's trustworthiness. */
        POSITIVE,
        /** Evidence against the source's trustworthiness. */
        NEGATIVE,
        /** The sign of {@code value} decides. */
        SIGNED
    }

    private final Polarity polarity;

    SignalKind(Polarity polarity) {
        this.polarity = polarity;
    }

    /**
     * Returns whether this kind counts for or against the source.
     *
     * @return the polarity
     */
    public Polarity polarity() {
        return polarity;
    }

    /**
     * The largest value a signal other than {@link #FEEDBACK} may carry: 10^15 (a quadrillion units of a resource,
     * far beyond any real exchange). The bound keeps every sum of signal values finite — 10^15 per signal leaves
     * room for more than 10^293 signals before a double overflows — so no strategy can turn valid evidence into
     * an infinite score.
     */
    public static final double MAX_VALUE = 1e15;

    /**
     * Returns whether {@code value} is acceptable for this kind: in [−1, 1] for {@link #FEEDBACK}, in
     * [0, {@link #MAX_VALUE}] otherwise.
     *
     * @param value the signal's value
     * @return {@code true} when acceptable
     */
    public boolean accepts(double value) {
        if (polarity == Polarity.SIGNED) {
            return value >= -1.0 && value <= 1.0;
        }
        return value >= 0.0 && value <= MAX_VALUE;
    }

    /**
     * Describes the values this kind accepts, for error messages.
     *
     * @return a short description such as {@code "a number in [-1, 1]"}
     */
    public String acceptedValues() {
        return polarity == Polarity.SIGNED ? "a number in [-1, 1]" : "a number in [0, 1e15]";
    }
}
