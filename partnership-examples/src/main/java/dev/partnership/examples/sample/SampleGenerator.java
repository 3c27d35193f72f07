package dev.partnership.examples.sample;

import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates the synthetic "Riverbend Education Partnership" dataset: three school years of evidence (from
 * {@link #START} 2023-09-01 to {@link #END} 2026-06-30) about a school district, a community college, a
 * university, two businesses, a nonprofit, a family organisation and a city agency pursuing six shared goals.
 *
 * <p>The data is made up, but it has known answers planted in it so that tests and demonstrations can check that
 * the scoring strategies find them:
 * <ul>
 *   <li>{@link #INACTIVE_PARTNER}, a nonprofit, takes part until {@link #DORMANT_FROM} and then sends no signal at
 *       all for the last seven months;</li>
 *   <li>{@link #MAIN_FUNDER}, a business, gives most (about three quarters) of the shared resources;</li>
 *   <li>{@link #UNRELIABLE_PARTNER}, a business, breaks commitments, misses meetings and ignores requests far more
 *       often than anyone else (about half the time, against about one time in ten);</li>
 *   <li>the partners broadly agree on how to rank the goals, except {@link #CONTESTED_GOAL}: half of them put it
 *       first and half put it last;</li>
 *   <li>on {@link #EFFECT_GOAL} the partnership group moves most of the way from baseline to target while the
 *       comparison group stays flat (a real effect); on {@link #NULL_EFFECT_GOAL} both groups stay flat (no
 *       effect). Both have five measurements per group before the start (from 2021) and six after, and the
 *       latest {@link #EFFECT_GOAL} measurements carry unit-level values;</li>
 *   <li>four goals have Goal Attainment Scaling levels, with the target as the expected outcome (level 0).</li>
 *   <li>{@link #DECLINING_PARTNER}, a city agency, is as reliable as most partners until {@link #DECLINE_FROM},
 *       the start of the third school year, and then attends, keeps commitments and answers requests only a
 *       little more than half the time and shares half as much information; the ratings the others give it in
 *       the third round (2026-04-15) fall with it (reliability, mission support, openness, involvement and
 *       resources rated lower), so both behavioural and perceived trust decline, while
 *       {@link #UNRELIABLE_PARTNER} stays the least trusted.</li>
 * </ul>
 *
 * <p>{@link Size#SMALL} is the dataset described above (about two thousand signals; it is bundled as
 * {@link #BUNDLED_SAMPLE_RESOURCE}). {@link Size#LARGE} has {@link #LARGE_PARTNERS} partners of mixed types and
 * exactly {@link #LARGE_SIGNALS} engagement signals over the same three years, for load tests; it is generated
 * month by month straight into the partnership, holding nothing else. It has the same kind of decline:
 * {@code agency-01}, a government partner, does what it should only a little more than half the time from
 * {@link #DECLINE_FROM} on, and the ratings it receives in the third round fall like those of
 * {@link #DECLINING_PARTNER}.
 *
 * <p>Generation is a pure function of the size and the seed: the same generator returns equal partnerships
 * (and {@link dev.partnership.io.DatasetWriter} writes them byte for byte the same). Random draws come from one
 * {@link SplittableRandom} seeded with {@link #seed()}, consumed in a fixed order. Cost O(signals).
 *
 * <p>Immutable and thread-safe; {@code withX} methods return modified copies.
 */
public final class SampleGenerator {

    /** How much data to generate. */
    public enum Size {
        /** The eight-partner Riverbend partnership with its planted findings. */
        SMALL,
        /** {@link #LARGE_PARTNERS} partners and {@link #LARGE_SIGNALS} signals, for load and performance tests. */
        LARGE
    }

    /** Default seed; the bundled sample was generated with it. */
    public static final long DEFAULT_SEED = 20230901L;
    /** Default size. */
    public static final Size DEFAULT_SIZE = Size.SMALL;

    /** Id of the generated partnership. */
    public static final String PARTNERSHIP_ID = "riverbend";
    /** Name of the generated partnership. */
    public static final String PARTNERSHIP_NAME = "Riverbend Education Partnership";
    /** When the partnership started: 2023-09-01, start of day UTC. */
    public static final Instant START = Instant.parse("2023-09-01T00:00:00Z");
    /** End of the evidence: 2026-06-30, start of day UTC (the last measurements; signals stop before it). */
    public static final Instant END = Instant.parse("2026-06-30T00:00:00Z");

    /** Planted truth (a): the business that breaks commitments and misses meetings far more than anyone. */
    public static final String UNRELIABLE_PARTNER = "keystone";
    /** Planted truth (b): the goal whose priority ranks vary most across partners. */
    public static final String CONTESTED_GOAL = "teacher-pipeline";
    /** Planted truth (c): the goal with a real effect (partnership group improves, comparison flat). */
    public static final String EFFECT_GOAL = "dual-enrollment";
    /** Planted truth (c): the goal with no effect (both groups flat). */
    public static final String NULL_EFFECT_GOAL = "chronic-absence";
    /**
     * Planted truth (d): the partner that stops acting. It sends signals like any reliable partner until
     * {@link #DORMANT_FROM} and none at all (no meetings, commitments, requests, information, resources, joint
     * activities or conflicts as the source) from then until {@link #END}, seven months; others may still act
     * toward it.
     */
    public static final String INACTIVE_PARTNER = "bridges";
    /** First day (start of day UTC) from which {@link #INACTIVE_PARTNER} sends no signal: 2025-12-01. */
    public static final Instant DORMANT_FROM = Instant.parse("2025-12-01T00:00:00Z");
    /**
     * Planted truth (e): the partner the partnership leans on for resources. It shares resources more often and in
     * far larger amounts (10 to 30 units against 1 to 3) than the others, so it gives about three quarters (always
     * more than 60%) of the total {@link SignalKind#RESOURCE_SHARED} value.
     */
    public static final String MAIN_FUNDER = "mercy";
    /**
     * Planted truth (f): the partner whose reliability declines. Before {@link #DECLINE_FROM} it behaves like any
     * reliable partner (about nine times in ten it attends, keeps commitments and answers requests); from then on
     * only a little more than half the time (attends 0.6, keeps 0.55, answers 0.6) and shares half as much
     * information, otherwise as active as before. The ratings others give it at the third round (2026-04-15,
     * after the decline) are lower on every trust dimension and on involvement and resources, though not as low
     * as those of {@link #UNRELIABLE_PARTNER}.
     */
    public static final String DECLINING_PARTNER = "city";
    /** First day (start of day UTC) of {@link #DECLINING_PARTNER}'s decline: 2025-09-01, the third school year. */
    public static final Instant DECLINE_FROM = Instant.parse("2025-09-01T00:00:00Z");
    /** Goal category ({@link Goal#CATEGORY}) of dual enrollment and financial aid applications. */
    public static final String COLLEGE_ACCESS = "college-access";
    /** Goal category of internships and the teacher pipeline (the contested goal). */
    public static final String WORKFORCE = "workforce";
    /** Goal category of attendance and family engagement. */
    public static final String STUDENT_SUPPORT = "student-support";

    /** Number of partners in the {@link Size#LARGE} sample. */
    public static final int LARGE_PARTNERS = 50;
    /** Number of engagement signals in the {@link Size#LARGE} sample. */
    public static final int LARGE_SIGNALS = 1_000_000;

    /** Class-path resource (relative to this class) holding the small sample written with the default seed. */
    public static final String BUNDLED_SAMPLE_RESOURCE = "riverbend-small.json";

    /** The survey instrument the sample answers: the built-in collaboration-factors inventory. */
    static final String INSTRUMENT = "collaboration-factors";
    /** Survey waves: a baseline in the first spring and a follow-up in the last. */
    static final List<String> WAVES = List.of("2024-spring", "2026-spring");

    private static final Instant DEADLINE = Instant.parse("2027-06-30T00:00:00Z");
    private static final Instant FAFSA_DEADLINE = Instant.parse("2026-06-30T00:00:00Z");
    private static final List<Instant> MEASURED_AT = List.of(
            Instant.parse("2023-06-30T00:00:00Z"), Instant.parse("2024-06-30T00:00:00Z"),
            Instant.parse("2025-06-30T00:00:00Z"), END);
    private static final List<Instant> RATED_AT = List.of(
            Instant.parse("2024-04-15T00:00:00Z"), Instant.parse("2025-04-15T00:00:00Z"),
            Instant.parse("2026-04-15T00:00:00Z"));
    /** Id of the partner of the {@link Size#LARGE} sample that declines like {@link #DECLINING_PARTNER}. */
    private static final String LARGE_DECLINING_PARTNER = "agency-01";
    private static final YearMonth FIRST_MONTH = YearMonth.of(2023, 9);
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 6);
    private static final RatingDimension[] PARTNER_DIMENSIONS = {
            RatingDimension.RELIABILITY, RatingDimension.MISSION_SUPPORT, RatingDimension.OPENNESS,
            RatingDimension.POWER, RatingDimension.INVOLVEMENT, RatingDimension.RESOURCES};

    private final Size size;
    private final long seed;

    private SampleGenerator(Size size, long seed) {
        this.size = Objects.requireNonNull(size, "size");
        this.seed = seed;
    }

    /**
     * Returns a generator of the {@link #DEFAULT_SIZE} sample with the {@link #DEFAULT_SEED}.
     *
     * @return the generator
     */
    public static SampleGenerator defaults() {
        return new SampleGenerator(DEFAULT_SIZE, DEFAULT_SEED);
    }

    /**
     * Returns a copy generating the given size.
     *
     * @param newSize the size
     * @return the copy
     */
    public SampleGenerator withSize(Size newSize) {
        return new SampleGenerator(newSize, seed);
    }

    /**
     * Returns a copy drawing from the given seed.
     *
     * @param newSeed the seed
     * @return the copy
     */
    public SampleGenerator withSeed(long newSeed) {
        return new SampleGenerator(size, newSeed);
    }

    /**
     * Returns the size generated.
     *
     * @return the size
     */
    public Size size() {
        return size;
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Generates the dataset. Cost O(signals): about two thousand for {@link Size#SMALL}, {@link #LARGE_SIGNALS}
     * (a few hundred megabytes of heap at most, one record per signal) for {@link Size#LARGE}.
     *
     * @return the partnership, valid by construction
     */
    public Partnership generate() {
        return new Run(size, new SplittableRandom(seed)).build();
    }

    /**
     * Opens the bundled small sample ({@link #BUNDLED_SAMPLE_RESOURCE}), a {@code partnership-dataset/1} document
     * equal to {@code DatasetWriter.write(defaults().generate(), out)}.
     *
     * @return a stream the caller closes
     * @throws IllegalStateException when the resource is missing from the class path (a packaging error)
     */
    public static InputStream openBundledSample() {
        InputStream in = SampleGenerator.class.getResourceAsStream(BUNDLED_SAMPLE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the bundled sample " + BUNDLED_SAMPLE_RESOURCE
                    + " is missing from the class path");
        }
        return in;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SampleGenerator[size=%s, seed=%d]", size, seed);
    }

    /**
     * How a partner behaves: the probabilities of the positive outcome of a meeting, a commitment and a request,
     * and how active it is (relative number of signals it sends).
     */
    private record Behaviour(double attends, double keeps, double answers, double activity) {
        /**
         * The behaviour after a decline in reliability: the same activity, positive outcomes a little more than
         * half the time. Why not lower: with the default seed this is about as deep as the decline can go while
         * the unreliable partner's beta-reputation interval at the end stays clear of everyone else's.
         */
        Behaviour declined() {
            return new Behaviour(0.6, 0.55, 0.6, activity);
        }
    }

    /** One generation: the random source and the partnership under construction. Used once, by one thread. */
    private static final class Run {
        private final Size size;
        private final SplittableRandom random;
        private final Partnership.Builder builder = Partnership.builder(PARTNERSHIP_ID, PARTNERSHIP_NAME, START);
        private final List<Partner> partners = new ArrayList<>();
        private final List<Behaviour> behaviours = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        /** Index of the partner whose reliability declines from {@link #DECLINE_FROM}. */
        private int declining = -1;

        Run(Size size, SplittableRandom random) {
            this.size = size;
            this.random = random;
        }

        Partnership build() {
            if (size == Size.SMALL) {
                smallPartners();
            } else {
                largePartners();
            }
            partners.forEach(builder::partner);
            declining = indexOf(size == Size.SMALL ? DECLINING_PARTNER : LARGE_DECLINING_PARTNER);
            goals();
            goals.forEach(builder::goal);
            priorities();
            if (size == Size.SMALL) {
                smallSignals();
            } else {
                largeSignals();
            }
            ratings();
            surveys();
            measurements();
            return builder.build();
        }

        // ---------------------------------------------------------------- partners

        private void partner(String id, String name, PartnerType type, Behaviour behaviour) {
            partners.add(new Partner(id, name, type));
            behaviours.add(behaviour);
        }

        private void smallPartners() {
            Behaviour reliable = new Behaviour(0.92, 0.92, 0.9, 1.0);
            partner("rusd", "Riverbend Unified School District", PartnerType.SCHOOL_DISTRICT,
                    new Behaviour(0.95, 0.93, 0.9, 1.4));
            partner("rcc", "Riverbend Community College", PartnerType.COMMUNITY_COLLEGE,
                    new Behaviour(0.93, 0.94, 0.92, 1.3));
            partner("rsu", "Riverbend State University", PartnerType.UNIVERSITY, reliable);
            partner("mercy", "Mercy Valley Health", PartnerType.BUSINESS, new Behaviour(0.88, 0.9, 0.88, 0.8));
            partner(UNRELIABLE_PARTNER, "Keystone Fabrication", PartnerType.BUSINESS,
                    new Behaviour(0.5, 0.45, 0.55, 0.7));
            partner("bridges", "Bridges Mentoring Alliance", PartnerType.NONPROFIT, reliable);
            partner("families", "Riverbend Family Network", PartnerType.FAMILY_ORGANIZATION,
                    new Behaviour(0.9, 0.9, 0.88, 0.7));
            partner(DECLINING_PARTNER, "City of Riverbend Youth Services", PartnerType.GOVERNMENT,
                    new Behaviour(0.9, 0.91, 0.9, 0.9));
        }

        /** How many partners of one type the large sample has, and how their ids and names begin. */
        private record Cohort(PartnerType type, String idPrefix, String namePrefix, int count) {
        }

        private void largePartners() {
            List<Cohort> cohorts = List.of(
                    new Cohort(PartnerType.SCHOOL, "school", "Riverbend School", 14),
                    new Cohort(PartnerType.SCHOOL_DISTRICT, "district", "District", 4),
                    new Cohort(PartnerType.UNIVERSITY, "university", "University", 3),
                    new Cohort(PartnerType.COMMUNITY_COLLEGE, "college", "Community College", 3),
                    new Cohort(PartnerType.NONPROFIT, "nonprofit", "Nonprofit", 8),
                    new Cohort(PartnerType.COMMUNITY_ORGANIZATION, "community", "Community Organisation", 4),
                    new Cohort(PartnerType.BUSINESS, "business", "Business", 8),
                    new Cohort(PartnerType.GOVERNMENT, "agency", "Agency", 3),
                    new Cohort(PartnerType.FAMILY_ORGANIZATION, "families", "Family Network", 2),
                    new Cohort(PartnerType.FOUNDATION, "foundation", "Foundation", 1));
            for (Cohort c : cohorts) {
                for (int i = 1; i <= c.count(); i++) {
                    String id = String.format(Locale.ROOT, "%s-%02d", c.idPrefix(), i);
                    String name = String.format(Locale.ROOT, "%s %d", c.namePrefix(), i);
                    // business-01 plays the unreliable partner here too
                    boolean unreliable = c.type() == PartnerType.BUSINESS && i == 1;
                    double base = unreliable ? 0.5 : 0.85 + 0.1 * random.nextDouble();
                    behaviours.add(new Behaviour(base, base, base, 0.3 + 1.7 * random.nextDouble()));
                    partners.add(new Partner(id, name, c.type()));
                }
            }
        }

        private String id(int partner) {
            return partners.get(partner).id();
        }

        /** Index of the partner with the given id. */
        private int indexOf(String partnerId) {
            for (int i = 0; i < partners.size(); i++) {
                if (partners.get(i).id().equals(partnerId)) {
                    return i;
                }
            }
            throw new IllegalStateException("no sample partner " + partnerId);
        }

        /**
         * How partner p behaves at the given time: its declined behaviour for the declining partner from
         * {@link #DECLINE_FROM} on, else its usual one. Only the probabilities change, never the activity, so the
         * number of random draws (and every other partner's data) is the same as without the decline.
         */
        private Behaviour behaviour(int p, Instant at) {
            Behaviour b = behaviours.get(p);
            return declinedAt(p, at) ? b.declined() : b;
        }

        // ---------------------------------------------------------------- goals and priorities

        private List<String> owners(String... smallIds) {
            if (size == Size.SMALL) {
                return List.of(smallIds);
            }
            // The large sample has no named partners: give each goal three owners spread over the list.
            List<String> owners = new ArrayList<>();
            int offset = goals.size() * 7;
            for (int k = 0; k < 3; k++) {
                owners.add(id((offset + 17 * k) % partners.size()));
            }
            return owners;
        }

        private static Map<String, String> category(String name) {
            return Map.of(Goal.CATEGORY, name);
        }

        /**
         * The goals. Four have Goal Attainment Scaling levels (−2..+2): level −2 is the baseline, level 0 the
         * target (the expected outcome), and the levels run in the indicator's direction.
         */
        private void goals() {
            goals.add(new Goal(EFFECT_GOAL, "More students earn college credit in high school",
                    new Indicator("dual enrollment rate", "%", Direction.HIGHER_IS_BETTER, 12.0, 25.0),
                    owners("rusd", "rcc"), DEADLINE, 2.0, List.of(12.0, 18.0, 25.0, 28.0, 31.0),
                    category(COLLEGE_ACCESS)));
            goals.add(new Goal(NULL_EFFECT_GOAL, "Fewer students are chronically absent",
                    new Indicator("chronic absence rate", "%", Direction.LOWER_IS_BETTER, 24.0, 15.0),
                    owners("rusd", "city", "families"), DEADLINE, 1.5, List.of(24.0, 20.0, 15.0, 12.0, 10.0),
                    category(STUDENT_SUPPORT)));
            goals.add(new Goal("fafsa-completion", "More seniors complete a financial aid application",
                    new Indicator("FAFSA completion rate", "%", Direction.HIGHER_IS_BETTER, 48.0, 65.0),
                    owners("rcc", "rsu", "bridges"), FAFSA_DEADLINE, 1.0, List.of(48.0, 56.0, 65.0, 70.0, 75.0),
                    category(COLLEGE_ACCESS)));
            goals.add(new Goal("internships", "More students complete a paid internship",
                    new Indicator("seniors completing a paid internship", "%", Direction.HIGHER_IS_BETTER, 6.0, 15.0),
                    owners("mercy", UNRELIABLE_PARTNER, "rcc"), DEADLINE, 1.0, List.of(), category(WORKFORCE)));
            goals.add(new Goal(CONTESTED_GOAL, "Grow our own teachers",
                    new Indicator("local residents in teacher preparation", "people", Direction.HIGHER_IS_BETTER,
                            10.0, 40.0),
                    owners("rsu", "rusd"), DEADLINE, 1.0, List.of(), category(WORKFORCE)));
            goals.add(new Goal("family-engagement", "Families take part in college and career planning",
                    new Indicator("families attending a planning event", "%", Direction.HIGHER_IS_BETTER, 30.0, 50.0),
                    owners("families", "rusd", "city"), DEADLINE, 1.0, List.of(30.0, 40.0, 50.0, 55.0, 60.0),
                    category(STUDENT_SUPPORT)));
        }

        /**
         * Each partner ranks the goals and gives weight 6 to its first and 1 to its last. Everyone starts from
         * the same order of the uncontested goals and may swap one adjacent pair; the contested goal goes first
         * for every other partner and last for the rest.
         */
        private void priorities() {
            List<String> consensus = new ArrayList<>();
            for (Goal g : goals) {
                if (!g.id().equals(CONTESTED_GOAL)) {
                    consensus.add(g.id());
                }
            }
            // Order of importance shared by everyone: dual enrollment, FAFSA, absence, internships, families.
            consensus.sort((a, b) -> Integer.compare(consensusRank(a), consensusRank(b)));
            for (int p = 0; p < partners.size(); p++) {
                List<String> order = new ArrayList<>(consensus);
                if (random.nextDouble() < 0.5) {
                    int i = random.nextInt(order.size() - 1);
                    String swapped = order.get(i);
                    order.set(i, order.get(i + 1));
                    order.set(i + 1, swapped);
                }
                if (championsContestedGoal(p)) {
                    order.add(0, CONTESTED_GOAL);
                } else {
                    order.add(CONTESTED_GOAL);
                }
                for (int rank = 0; rank < order.size(); rank++) {
                    builder.priority(new Priority(id(p), order.get(rank), order.size() - rank));
                }
            }
        }

        private static int consensusRank(String goalId) {
            return List.of(EFFECT_GOAL, "fafsa-completion", NULL_EFFECT_GOAL, "internships", "family-engagement")
                    .indexOf(goalId);
        }

        private boolean championsContestedGoal(int partner) {
            if (size == Size.LARGE) {
                return partner % 2 == 0;
            }
            return List.of("rusd", "rsu", "bridges", "families").contains(id(partner));
        }

        // ---------------------------------------------------------------- signals

        /** Instant of a random time in the month: a working hour (14:00–22:59 UTC) of a day before the end. */
        private Instant randomTime(YearMonth month) {
            int lastDay = month.equals(LAST_MONTH) ? 29 : month.lengthOfMonth();
            int day = 1 + random.nextInt(lastDay);
            int hour = 14 + random.nextInt(9);
            int minute = random.nextInt(60);
            return month.atDay(day).atTime(hour, minute).toInstant(ZoneOffset.UTC);
        }

        private static boolean schoolMonth(YearMonth month) {
            return month.getMonthValue() != 7 && month.getMonthValue() != 8;
        }

        /** Second Tuesday of the month at 16:00 UTC: the partnership's standing meeting. */
        private static Instant meetingTime(YearMonth month) {
            LocalDate d = month.atDay(1);
            int toTuesday = (DayOfWeek.TUESDAY.getValue() - d.getDayOfWeek().getValue() + 7) % 7;
            return d.plusDays(toTuesday + 7L).atTime(16, 0).toInstant(ZoneOffset.UTC);
        }

        private int otherPartner(int p) {
            int q = random.nextInt(partners.size() - 1);
            return q >= p ? q + 1 : q;
        }

        /** A goal the partner owns when it owns one (three times in four), else any goal. */
        private String goalFor(int p) {
            String partnerId = id(p);
            List<String> owned = new ArrayList<>();
            for (Goal g : goals) {
                if (g.owners().contains(partnerId)) {
                    owned.add(g.id());
                }
            }
            if (!owned.isEmpty() && random.nextDouble() < 0.75) {
                return owned.get(random.nextInt(owned.size()));
            }
            return goals.get(random.nextInt(goals.size())).id();
        }

        /** Poisson draw by inversion; the means used here are small. */
        private int poisson(double mean) {
            double l = Math.exp(-mean);
            int k = 0;
            double prod = random.nextDouble();
            while (prod > l) {
                k++;
                prod *= random.nextDouble();
            }
            return k;
        }

        /**
         * Month by month: the standing meeting in school months, then each partner's commitments, requests,
         * information and resources, then joint activities and an occasional conflict. {@link #DECLINING_PARTNER}
         * attends, keeps and answers less, and shares half as much information, from {@link #DECLINE_FROM}.
         * {@link #INACTIVE_PARTNER} sends nothing from {@link #DORMANT_FROM} (its draws are skipped, and a joint
         * activity, conflict or resolution that would have it as a source is dropped); {@link #MAIN_FUNDER} shares
         * resources at 1.5 a school month with amounts 10 to 30.
         */
        private void smallSignals() {
            int dormant = indexOf(INACTIVE_PARTNER);
            int funder = indexOf(MAIN_FUNDER);
            for (YearMonth month = FIRST_MONTH; !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
                List<EngagementSignal> monthSignals = new ArrayList<>();
                boolean school = schoolMonth(month);
                double load = school ? 1.0 : 0.3;
                Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                boolean quiet = !monthStart.isBefore(DORMANT_FROM);
                if (school) {
                    Instant meeting = meetingTime(month);
                    for (int p = 0; p < partners.size(); p++) {
                        if (quiet && p == dormant) {
                            continue;
                        }
                        SignalKind kind = random.nextDouble() < behaviour(p, monthStart).attends()
                                ? SignalKind.MEETING_ATTENDED : SignalKind.MEETING_MISSED;
                        monthSignals.add(new EngagementSignal(meeting, id(p), null, null, kind));
                    }
                }
                for (int p = 0; p < partners.size(); p++) {
                    if (quiet && p == dormant) {
                        continue;
                    }
                    // the decline starts on the first of a month, so the month's start decides for the whole month
                    Behaviour b = behaviour(p, monthStart);
                    int commitments = poisson(2.0 * b.activity() * load);
                    for (int i = 0; i < commitments; i++) {
                        SignalKind kind = random.nextDouble() < b.keeps()
                                ? SignalKind.COMMITMENT_KEPT : SignalKind.COMMITMENT_BROKEN;
                        monthSignals.add(new EngagementSignal(randomTime(month), id(p), id(otherPartner(p)),
                                goalFor(p), kind));
                    }
                    int requests = poisson(1.5 * load);
                    for (int i = 0; i < requests; i++) {
                        SignalKind kind = random.nextDouble() < b.answers()
                                ? SignalKind.REQUEST_ANSWERED : SignalKind.REQUEST_IGNORED;
                        monthSignals.add(new EngagementSignal(randomTime(month), id(p), id(otherPartner(p)), null,
                                kind));
                    }
                    int information = poisson(1.5 * b.activity() * load);
                    boolean declined = declinedAt(p, monthStart);
                    for (int i = 0; i < information; i++) {
                        EngagementSignal shared = new EngagementSignal(randomTime(month), id(p),
                                id(otherPartner(p)), null, SignalKind.INFORMATION_SHARED);
                        // a declining partner shares half as much: every other draw is dropped, never skipped,
                        // so that the random stream (and everyone else's data) stays the same
                        if (!declined || i % 2 == 0) {
                            monthSignals.add(shared);
                        }
                    }
                    boolean funds = p == funder;
                    int resources = poisson((funds ? 1.5 : 0.6 * b.activity()) * load);
                    for (int i = 0; i < resources; i++) {
                        // value: staff-days or an equivalent amount, 1 to 3; the main funder gives 10 to 30
                        monthSignals.add(new EngagementSignal(randomTime(month), id(p), id(otherPartner(p)),
                                goalFor(p), SignalKind.RESOURCE_SHARED,
                                funds ? 10 + random.nextInt(21) : 1 + random.nextInt(3)));
                    }
                }
                int joint = poisson(3.0 * load);
                for (int i = 0; i < joint; i++) {
                    int a = random.nextInt(partners.size());
                    int c = otherPartner(a);
                    Instant at = randomTime(month);
                    String goal = goalFor(a);
                    if (quiet && (a == dormant || c == dormant)) {
                        continue; // both partners of a joint activity are its sources
                    }
                    monthSignals.add(new EngagementSignal(at, id(a), id(c), goal, SignalKind.JOINT_ACTIVITY));
                    monthSignals.add(new EngagementSignal(at, id(c), id(a), goal, SignalKind.JOINT_ACTIVITY));
                }
                if (random.nextDouble() < 0.2) {
                    // An occasional conflict, usually resolved within three weeks.
                    int a = random.nextInt(partners.size());
                    int c = otherPartner(a);
                    Instant at = randomTime(month);
                    Instant resolved = at.plusSeconds(86_400L * (7 + random.nextInt(15)));
                    boolean resolves = random.nextDouble() < 0.8 && resolved.isBefore(END)
                            && !(a == dormant && !resolved.isBefore(DORMANT_FROM));
                    if (!(quiet && a == dormant)) {
                        monthSignals.add(new EngagementSignal(at, id(a), id(c), null, SignalKind.CONFLICT));
                    }
                    if (resolves) { // never for the dormant partner once dormant: see above
                        monthSignals.add(new EngagementSignal(resolved, id(a), id(c), null,
                                SignalKind.CONFLICT_RESOLVED));
                    }
                }
                monthSignals.sort(SIGNAL_ORDER);
                builder.signals(monthSignals);
            }
        }

        /**
         * Exactly {@link #LARGE_SIGNALS} signals, spread evenly over the months; within a month the times are
         * drawn, sorted as primitives, and each becomes one signal whose source is drawn by activity.
         */
        private void largeSignals() {
            int months = 0;
            for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1)) {
                months++;
            }
            double[] cumulativeActivity = new double[partners.size()];
            double total = 0;
            for (int p = 0; p < partners.size(); p++) {
                total += behaviours.get(p).activity();
                cumulativeActivity[p] = total;
            }
            List<EngagementSignal> signals = new ArrayList<>(LARGE_SIGNALS);
            int month = 0;
            for (YearMonth m = FIRST_MONTH; !m.isAfter(LAST_MONTH); m = m.plusMonths(1), month++) {
                int count = LARGE_SIGNALS / months + (month < LARGE_SIGNALS % months ? 1 : 0);
                long from = m.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                long to = m.equals(LAST_MONTH) ? END.getEpochSecond()
                        : m.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                long[] times = new long[count];
                for (int i = 0; i < count; i++) {
                    times[i] = from + random.nextLong(to - from);
                }
                Arrays.sort(times);
                for (long t : times) {
                    double u = random.nextDouble() * total;
                    int p = Arrays.binarySearch(cumulativeActivity, u);
                    p = p >= 0 ? p : Math.min(-p - 1, partners.size() - 1);
                    signals.add(largeSignal(Instant.ofEpochSecond(t), p));
                }
            }
            builder.signals(signals);
        }

        private EngagementSignal largeSignal(Instant at, int p) {
            Behaviour b = behaviour(p, at);
            double u = random.nextDouble();
            boolean good = random.nextDouble() < b.keeps();
            if (u < 0.2) {
                return new EngagementSignal(at, id(p), null, null,
                        good ? SignalKind.MEETING_ATTENDED : SignalKind.MEETING_MISSED);
            }
            String target = id(otherPartner(p));
            String goal = goals.get(random.nextInt(goals.size())).id();
            if (u < 0.45) {
                return new EngagementSignal(at, id(p), target, goal,
                        good ? SignalKind.COMMITMENT_KEPT : SignalKind.COMMITMENT_BROKEN);
            }
            if (u < 0.65) {
                return new EngagementSignal(at, id(p), target, null,
                        good ? SignalKind.REQUEST_ANSWERED : SignalKind.REQUEST_IGNORED);
            }
            if (u < 0.82) {
                return new EngagementSignal(at, id(p), target, null, SignalKind.INFORMATION_SHARED);
            }
            if (u < 0.92) {
                return new EngagementSignal(at, id(p), target, goal, SignalKind.RESOURCE_SHARED, 1 + random.nextInt(3));
            }
            if (u < 0.99) {
                return new EngagementSignal(at, id(p), target, goal, SignalKind.JOINT_ACTIVITY);
            }
            return new EngagementSignal(at, id(p), target, null,
                    good ? SignalKind.CONFLICT_RESOLVED : SignalKind.CONFLICT);
        }

        private static final Comparator<EngagementSignal> SIGNAL_ORDER =
                Comparator.comparing(EngagementSignal::at)
                        .thenComparing(EngagementSignal::source)
                        .thenComparing(s -> s.target() == null ? "" : s.target())
                        .thenComparing(EngagementSignal::kind);

        // ---------------------------------------------------------------- ratings

        /**
         * Every spring each partner rates others (all of them in the small sample, five drawn at random in the
         * large one) on the six PARTNER dimensions (1–4) and the Levels of Collaboration scale (0–5). A round
         * after {@link #DECLINE_FROM} rates the declining partner lower ({@link #partnerRatingMean}).
         */
        private void ratings() {
            for (int year = 0; year < RATED_AT.size(); year++) {
                Instant at = RATED_AT.get(year);
                for (int rater = 0; rater < partners.size(); rater++) {
                    int[] ratees = size == Size.SMALL ? allOthers(rater) : someOthers(rater, 5);
                    for (int ratee : ratees) {
                        for (RatingDimension d : PARTNER_DIMENSIONS) {
                            double mean = partnerRatingMean(ratee, d, at);
                            builder.rating(new Rating(at, id(rater), id(ratee), d, draw(mean, 0.55, 1, 4)));
                        }
                        double level = (sharesGoal(rater, ratee) ? 3.4 : 2.2) + 0.3 * year
                                - (behaviours.get(ratee).keeps() < 0.6 ? 1.0 : 0.0)
                                - (declinedAt(ratee, at) ? 0.6 : 0.0);
                        builder.rating(new Rating(at, id(rater), id(ratee), RatingDimension.COLLABORATION_LEVEL,
                                draw(level, 0.7, 0, 5)));
                    }
                }
            }
        }

        private int[] allOthers(int p) {
            int[] out = new int[partners.size() - 1];
            for (int q = 0, i = 0; q < partners.size(); q++) {
                if (q != p) {
                    out[i++] = q;
                }
            }
            return out;
        }

        private int[] someOthers(int p, int k) {
            int[] others = allOthers(p);
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(others.length - i);
                int t = others[i];
                others[i] = others[j];
                others[j] = t;
            }
            return Arrays.copyOf(others, k);
        }

        /** Whether partner p has declined by the given time: it is the declining partner, at or after the start. */
        private boolean declinedAt(int p, Instant at) {
            return p == declining && !at.isBefore(DECLINE_FROM);
        }

        /**
         * Mean rating (1–4) of a ratee on a PARTNER dimension at a round. The unreliable partner is rated low on
         * trust and involvement throughout; the declining partner, from {@link #DECLINE_FROM}, lower than before on
         * trust, involvement and resources but above the unreliable partner on trust, so that a decline is visible
         * without changing who is least trusted.
         */
        private double partnerRatingMean(int ratee, RatingDimension d, Instant at) {
            Behaviour b = behaviours.get(ratee);
            boolean unreliable = b.keeps() < 0.6;
            PartnerType type = partners.get(ratee).type();
            if (declinedAt(ratee, at)) {
                switch (d) {
                    case RELIABILITY:
                        return 2.4;
                    case MISSION_SUPPORT:
                        return 2.9;
                    case OPENNESS:
                        return 2.8;
                    case INVOLVEMENT:
                        return 2.2;
                    case RESOURCES:
                        return 2.2;
                    default:
                        break; // power does not change with reliability
                }
            }
            switch (d) {
                case RELIABILITY:
                    return unreliable ? 1.8 : 3.4;
                case MISSION_SUPPORT:
                    return unreliable ? 2.6 : 3.3;
                case OPENNESS:
                    return unreliable ? 2.5 : 3.2;
                case POWER:
                    return type == PartnerType.SCHOOL_DISTRICT || type == PartnerType.UNIVERSITY
                            || type == PartnerType.GOVERNMENT ? 3.5 : 2.5;
                case INVOLVEMENT:
                    return unreliable ? 1.9 : 2.4 + 0.6 * Math.min(b.activity(), 1.5);
                case RESOURCES:
                    return type == PartnerType.BUSINESS || type == PartnerType.FOUNDATION
                            || type == PartnerType.SCHOOL_DISTRICT ? 3.3 : 2.5;
                default:
                    throw new IllegalStateException("not a PARTNER dimension: " + d);
            }
        }

        private boolean sharesGoal(int a, int b) {
            for (Goal g : goals) {
                if (g.owners().contains(id(a)) && g.owners().contains(id(b))) {
                    return true;
                }
            }
            return false;
        }

        /** A whole number near {@code mean} (normal noise of the given sd), clamped to [min, max]. */
        private int draw(double mean, double sd, int min, int max) {
            long v = Math.round(mean + sd * random.nextGaussian());
            return (int) Math.max(min, Math.min(max, v));
        }

        // ---------------------------------------------------------------- surveys

        /**
         * Two waves of the collaboration-factors inventory with the same respondents (three to five per partner
         * in the small sample, three in the large one). Communication and mutual respect are strengths,
         * resources and pace are concerns, and the process factors improve between the waves.
         */
        private void surveys() {
            Map<String, Double> factorMean = factorProfile();
            List<String> factorOfItem = new ArrayList<>();
            factorMean.keySet().forEach(f -> {
                factorOfItem.add(f);
                factorOfItem.add(f);
            });
            int respondent = 0;
            List<int[]> people = new ArrayList<>(); // {partner index, respondent number}
            for (int p = 0; p < partners.size(); p++) {
                // three to five respondents, more from the more active partners
                int count = size == Size.LARGE ? 3
                        : 3 + (int) Math.round(Math.max(0, 2 * (behaviours.get(p).activity() - 0.6)));
                for (int i = 0; i < count; i++) {
                    people.add(new int[] {p, ++respondent});
                }
            }
            double[] personOffset = new double[people.size()];
            for (int i = 0; i < personOffset.length; i++) {
                personOffset[i] = 0.35 * random.nextGaussian();
            }
            for (int wave = 0; wave < WAVES.size(); wave++) {
                for (int i = 0; i < people.size(); i++) {
                    int p = people.get(i)[0];
                    Map<String, Integer> answers = new TreeMap<>();
                    for (int item = 0; item < factorOfItem.size(); item++) {
                        if (random.nextDouble() < 0.02) {
                            continue; // left blank
                        }
                        String factor = factorOfItem.get(item);
                        double mean = factorMean.get(factor) + personOffset[i]
                                + (wave == 1 && PROCESS_FACTORS.contains(factor) ? 0.4 : 0.0)
                                - (behaviours.get(p).keeps() < 0.6 ? 0.4 : 0.0);
                        answers.put(String.format(Locale.ROOT, "cf%02d", item + 1), draw(mean, 0.6, 1, 5));
                    }
                    builder.survey(new SurveyResponse(INSTRUMENT, WAVES.get(wave),
                            String.format(Locale.ROOT, "r-%03d", people.get(i)[1]), id(p), answers));
                }
            }
        }

        private static final List<String> PROCESS_FACTORS = List.of("shared-stake", "multiple-layers", "flexibility",
                "clear-roles", "adaptability", "pace");

        /** Mean answer per factor of the built-in instrument, in item order (factor k has items 2k−1, 2k). */
        private static Map<String, Double> factorProfile() {
            String[] factors = {"history", "legitimate-leader", "climate", "mutual-respect", "cross-section",
                    "self-interest", "compromise", "shared-stake", "multiple-layers", "flexibility", "clear-roles",
                    "adaptability", "pace", "open-communication", "informal-links", "attainable-goals",
                    "shared-vision", "unique-purpose", "sufficient-resources", "skilled-leadership"};
            double[] means = {3.8, 3.6, 3.5, 4.2, 3.4, 3.9, 3.7, 3.6, 3.3, 3.8, 2.9, 3.7, 2.8, 4.3, 4.0, 3.5, 4.1,
                    3.9, 2.6, 4.2};
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < factors.length; i++) {
                out.put(factors[i], means[i]);
            }
            return out;
        }

        // ---------------------------------------------------------------- measurements

        /**
         * Yearly means of every goal's indicator for the partnership group (the 2023 value is the baseline,
         * before the partnership started) and, for the three student-level indicators, for a comparison group.
         * Rates are percentages with the binomial standard deviation 100·√(p(1−p)); the planted goals have
         * exact yearly trajectories, the others a little noise.
         *
         * <p>The two planted goals also have a pre-period and mid-year points ({@link #PLANTED_EXTRA_AT}), so that
         * both groups have five measurements before the start and six after, as interrupted time series and
         * difference in differences need: before the start both groups are flat (parallel pre-trends); after it
         * the partnership group of {@link #EFFECT_GOAL} rises while every other series stays flat. The latest
         * {@link #EFFECT_GOAL} measurements of both groups carry their unit-level values (one 0 or 100 per
         * student, in a seeded random order) so that bootstrap intervals can be computed.
         */
        private void measurements() {
            measure(EFFECT_GOAL, MeasurementGroup.PARTNERSHIP, EFFECT_PARTNERSHIP, EFFECT_PARTNERSHIP_N, 0);
            measure(EFFECT_GOAL, MeasurementGroup.COMPARISON, EFFECT_COMPARISON, EFFECT_COMPARISON_N, 0);
            measure(NULL_EFFECT_GOAL, MeasurementGroup.PARTNERSHIP, NULL_PARTNERSHIP, 4200, 0);
            measure(NULL_EFFECT_GOAL, MeasurementGroup.COMPARISON, NULL_COMPARISON, 3900, 0);
            measure("fafsa-completion", MeasurementGroup.PARTNERSHIP, new double[] {48.0, 53.0, 57.0, 61.0}, 780, 0.4);
            measure("fafsa-completion", MeasurementGroup.COMPARISON, new double[] {47.0, 48.0, 49.0, 49.0}, 820, 0.4);
            measure("internships", MeasurementGroup.PARTNERSHIP, new double[] {6.0, 7.0, 8.5, 9.5}, 800, 0.2);
            measure("family-engagement", MeasurementGroup.PARTNERSHIP, new double[] {30.0, 34.0, 39.0, 44.0}, 1200,
                    0.4);
            // A head count of everyone enrolled, not a sample: its standard error is zero.
            double[] teachers = {10, 18, 27, 36};
            for (int y = 0; y < MEASURED_AT.size(); y++) {
                builder.measurement(new Measurement(CONTESTED_GOAL, MEASURED_AT.get(y), MeasurementGroup.PARTNERSHIP,
                        teachers[y], null, null, 0.0, List.of()));
            }
            // Drawn last so that the rest of the sample does not depend on them.
            plantedExtras(EFFECT_GOAL, MeasurementGroup.PARTNERSHIP, EFFECT_PARTNERSHIP, EFFECT_PARTNERSHIP_N);
            plantedExtras(EFFECT_GOAL, MeasurementGroup.COMPARISON, EFFECT_COMPARISON, EFFECT_COMPARISON_N);
            plantedExtras(NULL_EFFECT_GOAL, MeasurementGroup.PARTNERSHIP, NULL_PARTNERSHIP, 4200);
            plantedExtras(NULL_EFFECT_GOAL, MeasurementGroup.COMPARISON, NULL_COMPARISON, 3900);
            Instant latest = MEASURED_AT.get(MEASURED_AT.size() - 1);
            builder.measurement(withUnitValues(EFFECT_GOAL, latest, MeasurementGroup.PARTNERSHIP,
                    EFFECT_PARTNERSHIP[EFFECT_PARTNERSHIP.length - 1], EFFECT_PARTNERSHIP_N));
            builder.measurement(withUnitValues(EFFECT_GOAL, latest, MeasurementGroup.COMPARISON,
                    EFFECT_COMPARISON[EFFECT_COMPARISON.length - 1], EFFECT_COMPARISON_N));
        }

        private void measure(String goal, MeasurementGroup group, double[] percents, int n, double noise) {
            boolean planted = goal.equals(EFFECT_GOAL);
            // the latest effect-goal points are added with their unit values by measurements()
            int years = planted ? MEASURED_AT.size() - 1 : MEASURED_AT.size();
            for (int y = 0; y < years; y++) {
                double p = noise == 0 ? percents[y]
                        : Math.round((percents[y] + noise * random.nextGaussian()) * 10) / 10.0;
                builder.measurement(Measurement.ofSummary(goal, MEASURED_AT.get(y), group, p, binomialSd(p), n));
            }
        }

        /**
         * The pre-period and mid-year points of a planted series: before the start, the 2023 baseline; after it,
         * halfway between the neighbouring yearly values, except that the effect goal's partnership group jumps
         * by {@link #EFFECT_JUMP} points in the first term (the dual-enrollment courses open at the start, so an
         * interrupted time series sees a level change); all with seeded noise of 0.1 points, rounded to 0.1.
         */
        private void plantedExtras(String goal, MeasurementGroup group, double[] yearly, int n) {
            for (Instant at : PLANTED_EXTRA_AT) {
                double base = yearly[0];
                for (int y = 1; y < MEASURED_AT.size(); y++) {
                    if (at.isBefore(MEASURED_AT.get(y)) && at.isAfter(MEASURED_AT.get(y - 1))) {
                        base = (yearly[y - 1] + yearly[y]) / 2;
                        if (y == 1 && goal.equals(EFFECT_GOAL) && group == MeasurementGroup.PARTNERSHIP) {
                            base += EFFECT_JUMP;
                        }
                    }
                }
                double p = Math.round((base + 0.1 * random.nextGaussian()) * 10) / 10.0;
                builder.measurement(Measurement.ofSummary(goal, at, group, p, binomialSd(p), n));
            }
        }

        /**
         * A measurement of a rate over n students with its unit values: round(p·n/100) values of 100 and the
         * rest 0, in a seeded random order, with the mean and the sample standard deviation (denominator n − 1)
         * of those values.
         */
        private Measurement withUnitValues(String goal, Instant at, MeasurementGroup group, double percent, int n) {
            int hits = (int) Math.round(percent * n / 100);
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                values[i] = i < hits ? 100.0 : 0.0;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Double t = values[i];
                values[i] = values[j];
                values[j] = t;
            }
            double mean = 100.0 * hits / n;
            double ss = hits * (100 - mean) * (100 - mean) + (n - hits) * mean * mean;
            return new Measurement(goal, at, group, mean, Math.sqrt(ss / (n - 1)), n, null, List.of(values));
        }

        private static double binomialSd(double p) {
            return Math.round(100 * Math.sqrt(p / 100 * (1 - p / 100)) * 100) / 100.0;
        }
    }

    /** Yearly dual-enrollment rates (%) of the partnership group: flat before the start, then rising. */
    private static final double[] EFFECT_PARTNERSHIP = {12.0, 15.5, 19.0, 22.5};
    /** Extra points (%) of the partnership group's dual-enrollment rate in the first term after the start. */
    private static final double EFFECT_JUMP = 1.5;
    /** Yearly dual-enrollment rates (%) of the comparison group: flat. */
    private static final double[] EFFECT_COMPARISON = {11.8, 12.0, 11.9, 12.1};
    /** Students behind each dual-enrollment rate of the partnership group (every rate is a whole count of them). */
    private static final int EFFECT_PARTNERSHIP_N = 800;
    /** Students behind each dual-enrollment rate of the comparison group. */
    private static final int EFFECT_COMPARISON_N = 1000;
    /** Yearly chronic-absence rates (%) of the partnership group: flat. */
    private static final double[] NULL_PARTNERSHIP = {24.0, 23.7, 24.2, 23.9};
    /** Yearly chronic-absence rates (%) of the comparison group: flat, at about the same level. */
    private static final double[] NULL_COMPARISON = {24.3, 24.0, 24.4, 24.2};
    /** Extra measurement times of the planted goals: a pre-period from 2021 and the mid-year points after. */
    private static final List<Instant> PLANTED_EXTRA_AT = List.of(
            Instant.parse("2021-06-30T00:00:00Z"), Instant.parse("2022-01-31T00:00:00Z"),
            Instant.parse("2022-06-30T00:00:00Z"), Instant.parse("2023-01-31T00:00:00Z"),
            Instant.parse("2024-01-31T00:00:00Z"), Instant.parse("2025-01-31T00:00:00Z"),
            Instant.parse("2026-01-31T00:00:00Z"));
}
