package dev.partnership;

import dev.partnership.internal.PartnershipValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partnership and all the evidence about it: the partners, their shared goals, their priorities, engagement
 * signals, dyadic ratings, survey responses, goal measurements and any instruments the data declares.
 *
 * <p>Immutable and thread-safe. Building one checks every cross-reference (owners, priorities, signals,
 * ratings, surveys and measurements must name known partners, goals, instruments and items) and that ids are
 * unique; every problem is reported at once in an {@link InvalidDatasetException} whose locations are the JSON
 * pointers the same value would have in a {@code partnership-dataset/1} document. Cost O(total evidence).
 *
 * <p>Look-ups by id ({@link #partner(String)}, {@link #goal(String)}) scan the lists; scoring code uses the
 * interned, columnar {@link dev.partnership.spi.EvidenceIndex} instead.
 *
 * @param id           identifier of the partnership
 * @param name         display name
 * @param start        when the partnership started; the boundary for before/after comparisons
 * @param partners     the partners
 * @param goals        the shared goals
 * @param priorities   each partner's priority weights over goals
 * @param signals      engagement signals, in any order
 * @param ratings      dyadic ratings, in any order
 * @param surveys      survey responses
 * @param measurements goal measurements
 * @param instruments  instruments declared by the data (built-ins need not be declared)
 */
public record Partnership(String id, String name, Instant start, List<Partner> partners, List<Goal> goals,
                          List<Priority> priorities, List<EngagementSignal> signals, List<Rating> ratings,
                          List<SurveyResponse> surveys, List<Measurement> measurements,
                          List<Instrument> instruments) {

    /** Validates and copies the components; see the record description for the rules. */
    public Partnership {
        id = Identifiers.requireId(id, "partnership id");
        name = Identifiers.requireText(name, "partnership name");
        Objects.requireNonNull(start, "start");
        partners = List.copyOf(partners);
        goals = List.copyOf(goals);
        priorities = List.copyOf(priorities);
        signals = List.copyOf(signals);
        ratings = List.copyOf(ratings);
        surveys = List.copyOf(surveys);
        measurements = List.copyOf(measurements);
        instruments = List.copyOf(instruments);
        List<Problem> problems = PartnershipValidator.crossReferenceProblems(partners, goals, priorities, signals,
                ratings, surveys, measurements, instruments);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(null, problems);
        }
    }

    /**
     * Returns the partner with the given id. Cost O(partners).
     *
     * @param partnerId a partner id
     * @return the partner, or empty
     */
    public Optional<Partner> partner(String partnerId) {
        for (Partner p : partners) {
            if (p.id().equals(partnerId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the goal with the given id. Cost O(goals).
     *
     * @param goalId a goal id
     * @return the goal, or empty
     */
    public Optional<Goal> goal(String goalId) {
        for (Goal g : goals) {
            if (g.id().equals(goalId)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the instrument with the given id: one declared by the data, else a built-in.
     *
     * @param instrumentId an instrument id
     * @return the instrument, or empty
     */
    public Optional<Instrument> instrument(String instrumentId) {
        for (Instrument i : instruments) {
            if (i.id().equals(instrumentId)) {
                return Optional.of(i);
            }
        }
        return Instrument.builtIn(instrumentId);
    }

    /**
     * Returns a copy with other engagement signals and everything else unchanged, checked as any partnership is.
     *
     * @param newSignals the signals
     * @return the modified copy
     * @throws InvalidDatasetException when a signal refers to an unknown partner or goal
     */
    public Partnership withSignals(List<EngagementSignal> newSignals) {
        return new Partnership(id, name, start, partners, goals, priorities, newSignals, ratings, surveys,
                measurements, instruments);
    }

    /**
     * Returns the latest timestamp among signals, ratings and measurements: the default {@code asOf} of an
     * evaluation. Cost O(evidence).
     *
     * @return the latest evidence time, or {@link #start()} when there is no timed evidence
     */
    public Instant latestEvidence() {
        Instant latest = null;
        for (EngagementSignal s : signals) {
            latest = later(latest, s.at());
        }
        for (Rating r : ratings) {
            latest = later(latest, r.at());
        }
        for (Measurement m : measurements) {
            latest = later(latest, m.at());
        }
        return latest == null ? start : latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /**
     * Returns a builder for a partnership with the given identity.
     *
     * @param id    partnership id
     * @param name  display name
     * @param start start of the partnership
     * @return a new builder
     */
    public static Builder builder(String id, String name, Instant start) {
        return new Builder(id, name, start);
    }

    /**
     * Collects the parts of a {@link Partnership}. Not thread-safe; {@link #build()} validates and returns an
     * immutable partnership, and the builder may be reused afterwards.
     */
    public static final class Builder {
        private final String id;
        private final String name;
        private final Instant start;
        private final List<Partner> partners = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        private final List<Priority> priorities = new ArrayList<>();
        private final List<EngagementSignal> signals = new ArrayList<>();
        private final List<Rating> ratings = new ArrayList<>();
        private final List<SurveyResponse> surveys = new ArrayList<>();
        private final List<Measurement> measurements = new ArrayList<>();
        private final List<Instrument> instruments = new ArrayList<>();

        private Builder(String id, String name, Instant start) {
            this.id = id;
            this.name = name;
            this.start = start;
        }

        /**
         * Adds a partner.
         *
         * @param partner the partner
         * @return this builder
         */
        public Builder partner(Partner partner) {
            partners.add(Objects.requireNonNull(partner, "partner"));
            return this;
        }

        /**
         * Adds a goal.
         *
         * @param goal the goal
         * @return this builder
         */
        public Builder goal(Goal goal) {
            goals.add(Objects.requireNonNull(goal, "goal"));
            return this;
        }

        /**
         * Adds a priority.
         *
         * @param priority the priority
         * @return this builder
         */
        public Builder priority(Priority priority) {
            priorities.add(Objects.requireNonNull(priority, "priority"));
            return this;
        }

        /**
         * Adds an engagement signal.
         *
         * @param signal the signal
         * @return this builder
         */
        public Builder signal(EngagementSignal signal) {
            signals.add(Objects.requireNonNull(signal, "signal"));
            return this;
        }

        /**
         * Adds engagement signals.
         *
         * @param more the signals
         * @return this builder
         */
        public Builder signals(List<EngagementSignal> more) {
            more.forEach(this::signal);
            return this;
        }

        /**
         * Adds a rating.
         *
         * @param rating the rating
         * @return this builder
         */
        public Builder rating(Rating rating) {
            ratings.add(Objects.requireNonNull(rating, "rating"));
            return this;
        }

        /**
         * Adds a survey response.
         *
         * @param response the response
         * @return this builder
         */
        public Builder survey(SurveyResponse response) {
            surveys.add(Objects.requireNonNull(response, "response"));
            return this;
        }

        /**
         * Adds a measurement.
         *
         * @param measurement the measurement
         * @return this builder
         */
        public Builder measurement(Measurement measurement) {
            measurements.add(Objects.requireNonNull(measurement, "measurement"));
            return this;
        }

        /**
         * Declares an instrument.
         *
         * @param instrument the instrument
         * @return this builder
         */
        public Builder instrument(Instrument instrument) {
            instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        /**
         * Validates and builds the partnership.
         *
         * @return the partnership
         * @throws InvalidDatasetException when cross-references or ids are inconsistent
         */
        public Partnership build() {
            return new Partnership(id, name, start, partners, goals, priorities, signals, ratings, surveys,
                    measurements, instruments);
        }
    }
}
