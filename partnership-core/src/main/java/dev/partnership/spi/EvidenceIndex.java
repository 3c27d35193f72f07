package dev.partnership.spi;

import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Measurement;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import dev.partnership.internal.RowOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evidence of a partnership as of one instant, in columns: partner and goal ids interned to dense ints (in
 * sorted id order), signals and ratings in primitive arrays sorted by time, priorities in a matrix.
 *
 * <p>Built once per evaluation by {@link #of(Partnership, Instant)} in O(n log n) for n signals and ratings;
 * every strategy reads it and none re-parses or re-sorts. Evidence after {@code asOf} is left out and counted
 * ({@link #signalsAfterAsOf()} and friends). Signals and ratings are sorted by a total order (time, then the
 * interned ids, kind and value), so the index — and every strategy's floating-point sums — are the same whatever
 * order the evidence was given in.
 *
 * <p>Immutable and thread-safe. Accessors take a row index in {@code [0, count)} and are O(1) with no allocation;
 * they do not check bounds beyond the JVM's array checks.
 */
public final class EvidenceIndex {
    /** The interned id for "no partner" (a signal toward the whole partnership) or "no goal". */
    public static final int NONE = -1;

    private static final SignalKind[] KINDS = SignalKind.values();
    private static final RatingDimension[] DIMENSIONS = RatingDimension.values();

    private final Instant asOf;
    private final String[] partnerIds;
    private final PartnerType[] partnerTypes;
    private final Map<String, Integer> partnerIndex;
    private final Goal[] goals;
    private final String[] goalIds;
    private final Map<String, Integer> goalIndex;

    private final long[] signalAt;
    private final int[] signalSource;
    private final int[] signalTarget;
    private final int[] signalGoal;
    private final byte[] signalKind;
    private final double[] signalValue;

    private final long[] ratingAt;
    private final int[] ratingRater;
    private final int[] ratingRatee;
    private final byte[] ratingDimension;
    private final double[] ratingValue;

    private final double[] priorities;
    private final List<List<Measurement>> measurementsByGoal;
    private final List<SurveyResponse> surveys;

    private final int signalsAfterAsOf;
    private final int ratingsAfterAsOf;
    private final int measurementsAfterAsOf;

    private EvidenceIndex(Partnership p, Instant asOf) {
        this.asOf = asOf;
        long asOfMillis = asOf.toEpochMilli();

        List<Partner> partners = new ArrayList<>(p.partners());
        partners.sort(Comparator.comparing(Partner::id));
        partnerIds = new String[partners.size()];
        partnerTypes = new PartnerType[partners.size()];
        partnerIndex = new HashMap<>();
        for (int i = 0; i < partners.size(); i++) {
            partnerIds[i] = partners.get(i).id();
            partnerTypes[i] = partners.get(i).type();
            partnerIndex.put(partnerIds[i], i);
        }
        goals = p.goals().stream().sorted(Comparator.comparing(Goal::id)).toArray(Goal[]::new);
        goalIds = Arrays.stream(goals).map(Goal::id).toArray(String[]::new);
        goalIndex = new HashMap<>();
        for (int i = 0; i < goalIds.length; i++) {
            goalIndex.put(goalIds[i], i);
        }

        // Intern into primitive columns first, then order rows by a total order (time, ids, kind, value) so that
        // the index is the same whatever order the evidence came in; no boxing in the sort.
        List<EngagementSignal> allSignals = p.signals();
        int kept = 0;
        for (EngagementSignal s : allSignals) {
            if (s.at().toEpochMilli() <= asOfMillis) {
                kept++;
            }
        }
        signalsAfterAsOf = allSignals.size() - kept;
        long[] sAt = new long[kept];
        int[] sSource = new int[kept];
        int[] sTarget = new int[kept];
        int[] sGoal = new int[kept];
        byte[] sKind = new byte[kept];
        double[] sValue = new double[kept];
        int row = 0;
        for (EngagementSignal s : allSignals) {
            long at = s.at().toEpochMilli();
            if (at > asOfMillis) {
                continue;
            }
            sAt[row] = at;
            sSource[row] = partnerIndex.get(s.source());
            sTarget[row] = s.target() == null ? NONE : partnerIndex.get(s.target());
            sGoal[row] = s.goal() == null ? NONE : goalIndex.get(s.goal());
            sKind[row] = (byte) s.kind().ordinal();
            sValue[row] = s.value();
            row++;
        }
        int[] order = RowOrder.sortedByKey(sAt, kept, (a, b) -> {
            int c = Long.compare(sAt[a], sAt[b]);
            if (c == 0) {
                c = Integer.compare(sSource[a], sSource[b]);
            }
            if (c == 0) {
                c = Integer.compare(sTarget[a], sTarget[b]);
            }
            if (c == 0) {
                c = Integer.compare(sGoal[a], sGoal[b]);
            }
            if (c == 0) {
                c = Integer.compare(sKind[a], sKind[b]);
            }
            return c != 0 ? c : Double.compare(sValue[a], sValue[b]);
        });
        signalAt = permute(sAt, order);
        signalSource = permute(sSource, order);
        signalTarget = permute(sTarget, order);
        signalGoal = permute(sGoal, order);
        signalKind = permute(sKind, order);
        signalValue = permute(sValue, order);

        List<Rating> allRatings = p.ratings();
        List<Rating> keptRatings = new ArrayList<>();
        for (Rating r : allRatings) {
            if (r.at().toEpochMilli() <= asOfMillis) {
                keptRatings.add(r);
            }
        }
        ratingsAfterAsOf = allRatings.size() - keptRatings.size();
        int m = keptRatings.size();
        long[] rAt = new long[m];
        int[] rRater = new int[m];
        int[] rRatee = new int[m];
        byte[] rDimension = new byte[m];
        double[] rValue = new double[m];
        for (int i = 0; i < m; i++) {
            Rating r = keptRatings.get(i);
            rAt[i] = r.at().toEpochMilli();
            rRater[i] = partnerIndex.get(r.rater());
            rRatee[i] = partnerIndex.get(r.ratee());
            rDimension[i] = (byte) r.dimension().ordinal();
            rValue[i] = r.value();
        }
        int[] ratingOrder = RowOrder.sortedByKey(rAt, m, (a, b) -> {
            int c = Long.compare(rAt[a], rAt[b]);
            if (c == 0) {
                c = Integer.compare(rRater[a], rRater[b]);
            }
            if (c == 0) {
                c = Integer.compare(rRatee[a], rRatee[b]);
            }
            if (c == 0) {
                c = Integer.compare(rDimension[a], rDimension[b]);
            }
            return c != 0 ? c : Double.compare(rValue[a], rValue[b]);
        });
        ratingAt = permute(rAt, ratingOrder);
        ratingRater = permute(rRater, ratingOrder);
        ratingRatee = permute(rRatee, ratingOrder);
        ratingDimension = permute(rDimension, ratingOrder);
        ratingValue = permute(rValue, ratingOrder);

        priorities = new double[partnerIds.length * goalIds.length];
        Arrays.fill(priorities, Double.NaN);
        for (Priority pr : p.priorities()) {
            priorities[partnerIndex.get(pr.partner()) * goalIds.length + goalIndex.get(pr.goal())] = pr.weight();
        }

        List<List<Measurement>> byGoal = new ArrayList<>();
        for (int g = 0; g < goalIds.length; g++) {
            byGoal.add(new ArrayList<>());
        }
        int after = 0;
        for (Measurement me : p.measurements()) {
            if (me.at().toEpochMilli() <= asOfMillis) {
                byGoal.get(goalIndex.get(me.goal())).add(me);
            } else {
                after++;
            }
        }
        measurementsAfterAsOf = after;
        List<List<Measurement>> frozen = new ArrayList<>();
        for (List<Measurement> list : byGoal) {
            list.sort(Comparator.comparing(Measurement::at).thenComparing(Measurement::group)
                    .thenComparingDouble(Measurement::mean));
            frozen.add(List.copyOf(list));
        }
        measurementsByGoal = List.copyOf(frozen);
        surveys = p.surveys();
    }

    private static long[] permute(long[] a, int[] order) {
        long[] out = new long[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static int[] permute(int[] a, int[] order) {
        int[] out = new int[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static byte[] permute(byte[] a, int[] order) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static double[] permute(double[] a, int[] order) {
        double[] out = new double[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    /**
     * Builds the index of a partnership's evidence at or before {@code asOf}. Cost O(n log n) time and O(n) memory.
     *
     * @param partnership the partnership
     * @param asOf        the evaluation time
     * @return the index
     */
    public static EvidenceIndex of(Partnership partnership, Instant asOf) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(asOf, "asOf");
        return new EvidenceIndex(partnership, asOf);
    }

    /**
     * Returns the evaluation time.
     *
     * @return asOf
     */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Returns the evaluation time in epoch milliseconds.
     *
     * @return asOf in ms since 1970-01-01T00:00Z
     */
    public long asOfMillis() {
        return asOf.toEpochMilli();
    }

    /**
     * Returns the number of partners.
     *
     * @return partner count
     */
    public int partnerCount() {
        return partnerIds.length;
    }

    /**
     * Returns the id of an interned partner.
     *
     * @param partner interned partner index
     * @return the id
     */
    public String partnerId(int partner) {
        return partnerIds[partner];
    }

    /**
     * Returns the type of an interned partner.
     *
     * @param partner interned partner index
     * @return the type
     */
    public PartnerType partnerType(int partner) {
        return partnerTypes[partner];
    }

    /**
     * Returns the interned index of a partner id.
     *
     * @param id partner id
     * @return the index, or {@link #NONE} when unknown
     */
    public int partnerIndex(String id) {
        Integer i = partnerIndex.get(id);
        return i == null ? NONE : i;
    }

    /**
     * Returns the number of goals.
     *
     * @return goal count
     */
    public int goalCount() {
        return goalIds.length;
    }

    /**
     * Returns the id of an interned goal.
     *
     * @param goal interned goal index
     * @return the id
     */
    public String goalId(int goal) {
        return goalIds[goal];
    }

    /**
     * Returns an interned goal.
     *
     * @param goal interned goal index
     * @return the goal
     */
    public Goal goal(int goal) {
        return goals[goal];
    }

    /**
     * Returns the interned index of a goal id.
     *
     * @param id goal id
     * @return the index, or {@link #NONE} when unknown
     */
    public int goalIndex(String id) {
        Integer i = goalIndex.get(id);
        return i == null ? NONE : i;
    }

    /**
     * Returns the number of signals at or before {@code asOf}.
     *
     * @return signal count
     */
    public int signalCount() {
        return signalAt.length;
    }

    /**
     * Returns when a signal happened.
     *
     * @param i signal row
     * @return epoch milliseconds
     */
    public long signalAt(int i) {
        return signalAt[i];
    }

    /**
     * Returns a signal's source partner.
     *
     * @param i signal row
     * @return interned partner index
     */
    public int signalSource(int i) {
        return signalSource[i];
    }

    /**
     * Returns a signal's target partner.
     *
     * @param i signal row
     * @return interned partner index, or {@link #NONE} for the whole partnership
     */
    public int signalTarget(int i) {
        return signalTarget[i];
    }

    /**
     * Returns a signal's goal.
     *
     * @param i signal row
     * @return interned goal index, or {@link #NONE}
     */
    public int signalGoal(int i) {
        return signalGoal[i];
    }

    /**
     * Returns a signal's kind.
     *
     * @param i signal row
     * @return the kind
     */
    public SignalKind signalKind(int i) {
        return KINDS[signalKind[i]];
    }

    /**
     * Returns a signal's kind as its ordinal, for table look-ups in hot loops.
     *
     * @param i signal row
     * @return {@code signalKind(i).ordinal()}
     */
    public int signalKindOrdinal(int i) {
        return signalKind[i];
    }

    /**
     * Returns a signal's value.
     *
     * @param i signal row
     * @return the value
     */
    public double signalValue(int i) {
        return signalValue[i];
    }

    /**
     * Returns the number of ratings at or before {@code asOf}.
     *
     * @return rating count
     */
    public int ratingCount() {
        return ratingAt.length;
    }

    /**
     * Returns when a rating was given.
     *
     * @param i rating row
     * @return epoch milliseconds
     */
    public long ratingAt(int i) {
        return ratingAt[i];
    }

    /**
     * Returns a rating's rater.
     *
     * @param i rating row
     * @return interned partner index
     */
    public int ratingRater(int i) {
        return ratingRater[i];
    }

    /**
     * Returns a rating's ratee.
     *
     * @param i rating row
     * @return interned partner index
     */
    public int ratingRatee(int i) {
        return ratingRatee[i];
    }

    /**
     * Returns a rating's dimension.
     *
     * @param i rating row
     * @return the dimension
     */
    public RatingDimension ratingDimension(int i) {
        return DIMENSIONS[ratingDimension[i]];
    }

    /**
     * Returns a rating's value.
     *
     * @param i rating row
     * @return the value
     */
    public double ratingValue(int i) {
        return ratingValue[i];
    }

    /**
     * Returns a partner's priority weight for a goal.
     *
     * @param partner interned partner index
     * @param goal    interned goal index
     * @return the weight, or {@code NaN} when the partner gave none
     */
    public double priority(int partner, int goal) {
        return priorities[partner * goalIds.length + goal];
    }

    /**
     * Returns a goal's measurements at or before {@code asOf}, sorted by time, then group, then mean.
     *
     * @param goal interned goal index
     * @return the measurements, unmodifiable
     */
    public List<Measurement> measurements(int goal) {
        return measurementsByGoal.get(goal);
    }

    /**
     * Returns all survey responses (surveys carry waves, not timestamps, so none are excluded by {@code asOf}).
     *
     * @return the responses, unmodifiable
     */
    public List<SurveyResponse> surveys() {
        return surveys;
    }

    /**
     * Returns how many signals were dated after {@code asOf} and left out.
     *
     * @return count of excluded signals
     */
    public int signalsAfterAsOf() {
        return signalsAfterAsOf;
    }

    /**
     * Returns how many ratings were dated after {@code asOf} and left out.
     *
     * @return count of excluded ratings
     */
    public int ratingsAfterAsOf() {
        return ratingsAfterAsOf;
    }

    /**
     * Returns how many measurements were dated after {@code asOf} and left out.
     *
     * @return count of excluded measurements
     */
    public int measurementsAfterAsOf() {
        return measurementsAfterAsOf;
    }
}
