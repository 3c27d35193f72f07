package dev.partnership;

import java.util.Objects;

/**
 * What a {@link Score} is about: the whole partnership, one partner, an ordered pair of partners, one goal, or
 * one factor of a survey instrument.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface Subject permits Subject.PartnershipSubject, Subject.PartnerSubject, Subject.PairSubject,
        Subject.GoalSubject, Subject.FactorSubject {

    /** The kind of subject, as written in {@code subject.kind}. */
    enum Kind {
        /** The whole partnership. */
        PARTNERSHIP,
        /** One partner. */
        PARTNER,
        /** An ordered pair: {@code from} trusts or rates {@code to}. */
        PAIR,
        /** One goal. */
        GOAL,
        /** One factor (or category) of an instrument. */
        FACTOR
    }

    /**
     * Returns the kind of this subject.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * Returns the subject for the whole partnership.
     *
     * @return the singleton partnership subject
     */
    static Subject partnership() {
        return PartnershipSubject.INSTANCE;
    }

    /**
     * Returns a subject for one partner.
     *
     * @param partner partner id
     * @return the subject
     */
    static Subject partner(String partner) {
        return new PartnerSubject(partner);
    }

    /**
     * Returns a subject for an ordered pair.
     *
     * @param from the partner who trusts or rates
     * @param to   the partner trusted or rated
     * @return the subject
     */
    static Subject pair(String from, String to) {
        return new PairSubject(from, to);
    }

    /**
     * Returns a subject for one goal.
     *
     * @param goal goal id
     * @return the subject
     */
    static Subject goal(String goal) {
        return new GoalSubject(goal);
    }

    /**
     * Returns a subject for a factor or a category of an instrument.
     *
     * @param instrument instrument id
     * @param factor     factor id, or {@code null} when the subject is a whole category
     * @param category   category id, or {@code null}
     * @return the subject
     */
    static Subject factor(String instrument, String factor, String category) {
        return new FactorSubject(instrument, factor, category);
    }

    /** The whole partnership. */
    record PartnershipSubject() implements Subject {
        static final PartnershipSubject INSTANCE = new PartnershipSubject();

        @Override
        public Kind kind() {
            return Kind.PARTNERSHIP;
        }
    }

    /**
     * One partner.
     *
     * @param partner partner id
     */
    record PartnerSubject(String partner) implements Subject {
        /** Validates the component. */
        public PartnerSubject {
            Objects.requireNonNull(partner, "partner");
        }

        @Override
        public Kind kind() {
            return Kind.PARTNER;
        }
    }

    /**
     * An ordered pair of partners.
     *
     * @param from the partner who trusts or rates
     * @param to   the partner trusted or rated
     */
    record PairSubject(String from, String to) implements Subject {
        /** Validates the components. */
        public PairSubject {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Kind kind() {
            return Kind.PAIR;
        }
    }

    /**
     * One goal.
     *
     * @param goal goal id
     */
    record GoalSubject(String goal) implements Subject {
        /** Validates the component. */
        public GoalSubject {
            Objects.requireNonNull(goal, "goal");
        }

        @Override
        public Kind kind() {
            return Kind.GOAL;
        }
    }

    /**
     * A factor or category of an instrument; at least one of {@code factor} and {@code category} is present.
     *
     * @param instrument instrument id
     * @param factor     factor id, or {@code null} for a whole category
     * @param category   category id, or {@code null}
     */
    record FactorSubject(String instrument, String factor, String category) implements Subject {
        /** Validates the components. */
        public FactorSubject {
            Objects.requireNonNull(instrument, "instrument");
            if (factor == null && category == null) {
                throw new IllegalArgumentException("a factor subject needs a factor, a category, or both");
            }
        }

        @Override
        public Kind kind() {
            return Kind.FACTOR;
        }
    }
}
