package dev.partnership.examples.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EngagementSignal;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.SignalKind;
import dev.partnership.StrategyCatalog;
import dev.partnership.Subject;
import dev.partnership.SurveyResponse;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.DatasetWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SampleGeneratorTest {
    private static final Partnership SMALL = SampleGenerator.defaults().generate();

    private static byte[] bundled() throws IOException {
        try (InputStream in = SampleGenerator.openBundledSample()) {
            return in.readAllBytes();
        }
    }

    @Test
    void bundledSampleIsAFreshGenerationByteForByte() throws IOException {
        ByteArrayOutputStream fresh = new ByteArrayOutputStream();
        DatasetWriter.write(SampleGenerator.defaults().generate(), fresh);
        assertArrayEquals(fresh.toByteArray(), bundled(), "the bundled sample has drifted from the generator; "
                + "regenerate it: ./partnership sample --output "
                + "partnership-examples/src/main/resources/dev/partnership/examples/sample/riverbend-small.json");
    }

    @Test
    void bundledSamplePassesTheDatasetReader() throws IOException {
        Partnership read;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            read = DatasetReader.defaults().read(in, SampleGenerator.BUNDLED_SAMPLE_RESOURCE);
        }
        assertEquals(SampleGenerator.PARTNERSHIP_NAME, read.name());
        assertEquals(SMALL.signals().size(), read.signals().size());
    }

    @Test
    void sameSeedSameData() {
        assertEquals(SMALL, SampleGenerator.defaults().generate());
        Partnership other = SampleGenerator.defaults().withSeed(1).generate();
        assertNotEquals(SMALL.signals(), other.signals());
        assertEquals(SMALL.partners(), other.partners(), "the cast does not depend on the seed");
    }

    @Test
    void isImmutable() {
        SampleGenerator g = SampleGenerator.defaults();
        SampleGenerator large = g.withSize(SampleGenerator.Size.LARGE).withSeed(5);
        assertEquals(SampleGenerator.Size.SMALL, g.size());
        assertEquals(SampleGenerator.DEFAULT_SEED, g.seed());
        assertEquals(SampleGenerator.Size.LARGE, large.size());
        assertEquals(5, large.seed());
    }

    @Test
    void smallSampleHasTheDescribedShape() {
        assertEquals("riverbend", SMALL.id());
        assertEquals(SampleGenerator.START, SMALL.start());
        assertEquals(SampleGenerator.END, SMALL.latestEvidence());
        Set<PartnerType> types = SMALL.partners().stream().map(Partner::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PartnerType.class)));
        assertEquals(EnumSet.of(PartnerType.SCHOOL_DISTRICT, PartnerType.COMMUNITY_COLLEGE, PartnerType.UNIVERSITY,
                PartnerType.BUSINESS, PartnerType.NONPROFIT, PartnerType.FAMILY_ORGANIZATION,
                PartnerType.GOVERNMENT), types);
        assertEquals(8, SMALL.partners().size());
        assertTrue(SMALL.partner("rusd").isPresent() && SMALL.partner("rcc").isPresent());
        assertEquals(2, SMALL.partners().stream().filter(p -> p.type() == PartnerType.BUSINESS).count());

        assertTrue(SMALL.goals().size() >= 5 && SMALL.goals().size() <= 6);
        for (Goal g : SMALL.goals()) {
            assertTrue(g.indicator() != null && g.indicator().baseline() != null && g.indicator().target() != null,
                    g::id);
            assertFalse(g.owners().isEmpty(), g::id);
            assertTrue(g.deadline() != null, g::id);
        }
        assertEquals(SMALL.partners().size() * SMALL.goals().size(), SMALL.priorities().size());

        Set<SignalKind> kinds = SMALL.signals().stream().map(EngagementSignal::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SignalKind.class)));
        assertEquals(EnumSet.complementOf(EnumSet.of(SignalKind.FEEDBACK)), kinds);
        for (EngagementSignal s : SMALL.signals()) {
            assertTrue(!s.at().isBefore(SampleGenerator.START) && s.at().isBefore(SampleGenerator.END), s::toString);
        }

        Set<RatingDimension> dims = SMALL.ratings().stream().map(Rating::dimension)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RatingDimension.class)));
        assertEquals(EnumSet.allOf(RatingDimension.class), dims);
        assertEquals(3, SMALL.ratings().stream().map(Rating::at).distinct().count(), "one round each spring");

        Set<String> waves = new TreeSet<>();
        Map<String, Set<String>> respondentsByPartner = new TreeMap<>();
        for (SurveyResponse r : SMALL.surveys()) {
            assertEquals("collaboration-factors", r.instrument());
            waves.add(r.wave());
            respondentsByPartner.computeIfAbsent(r.partner(), k -> new TreeSet<>()).add(r.respondent());
            r.answers().forEach((item, answer) -> {
                assertTrue(item.matches("cf(0[1-9]|[1-3][0-9]|40)"), item);
                assertTrue(answer >= 1 && answer <= 5, item);
            });
        }
        assertEquals(2, waves.size());
        assertEquals(8, respondentsByPartner.size());
        respondentsByPartner.values().forEach(r -> assertTrue(r.size() >= 3, r::toString));

        for (String goal : List.of(SampleGenerator.EFFECT_GOAL, SampleGenerator.NULL_EFFECT_GOAL)) {
            for (MeasurementGroup group : MeasurementGroup.values()) {
                List<Measurement> ms = SMALL.measurements().stream()
                        .filter(m -> m.goal().equals(goal) && m.group() == group).toList();
                long before = ms.stream().filter(m -> m.at().isBefore(SampleGenerator.START)).count();
                assertEquals(5, before, "pre-period of " + goal + " " + group);
                assertEquals(6, ms.size() - before, "post-period of " + goal + " " + group);
                ms.forEach(m -> assertTrue(m.sd() != null && m.n() != null, m::toString));
            }
        }
        long withLevels = SMALL.goals().stream().filter(g -> !g.attainmentLevels().isEmpty()).count();
        assertTrue(withLevels >= 3, "goals with attainment levels: " + withLevels);
        for (Goal g : SMALL.goals()) {
            if (!g.attainmentLevels().isEmpty()) {
                assertEquals(g.indicator().target(), g.attainmentLevels().get(2), "level 0 is the target: " + g.id());
                assertEquals(g.indicator().baseline(), g.attainmentLevels().get(0), "level -2 is the baseline");
            }
        }
    }

    /** The latest effect-goal measurements carry unit values that agree with their mean, sd and n. */
    @Test
    void latestEffectGoalMeasurementsHaveConsistentUnitValues() {
        for (MeasurementGroup group : MeasurementGroup.values()) {
            List<Measurement> ms = SMALL.measurements().stream()
                    .filter(m -> m.goal().equals(SampleGenerator.EFFECT_GOAL) && m.group() == group)
                    .sorted(Comparator.comparing(Measurement::at)).toList();
            Measurement latest = ms.get(ms.size() - 1);
            assertEquals(SampleGenerator.END, latest.at());
            List<Double> v = latest.values();
            assertEquals(latest.n().intValue(), v.size(), group::name);
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            assertEquals(latest.mean(), mean, 1e-9, group::name);
            assertEquals(latest.sd(), Math.sqrt(ss / (v.size() - 1)), 1e-9, group::name);
            assertTrue(v.stream().allMatch(x -> x == 0.0 || x == 100.0), "one 0 or 100 per student");
            assertTrue(!v.get(0).equals(v.get(1)) || !v.get(1).equals(v.get(2)) || !v.get(2).equals(v.get(3))
                    || v.subList(0, 20).contains(0.0) && v.subList(0, 20).contains(100.0), "shuffled");
            ms.subList(0, ms.size() - 1).forEach(m -> assertTrue(m.values().isEmpty(), m::toString));
        }
    }

    /**
     * Planted truth (c) on the raw data: before the start both groups are flat on both goals (parallel
     * pre-trends); after it only the partnership group of the effect goal moves, by several points.
     */
    @Test
    void prePeriodIsFlatAndOnlyTheEffectGoalPartnershipGroupMoves() {
        for (String goal : List.of(SampleGenerator.EFFECT_GOAL, SampleGenerator.NULL_EFFECT_GOAL)) {
            for (MeasurementGroup group : MeasurementGroup.values()) {
                List<Measurement> ms = SMALL.measurements().stream()
                        .filter(m -> m.goal().equals(goal) && m.group() == group).toList();
                double pre = ms.stream().filter(m -> m.at().isBefore(SampleGenerator.START))
                        .mapToDouble(Measurement::mean).average().orElseThrow();
                double preMin = ms.stream().filter(m -> m.at().isBefore(SampleGenerator.START))
                        .mapToDouble(Measurement::mean).min().orElseThrow();
                double preMax = ms.stream().filter(m -> m.at().isBefore(SampleGenerator.START))
                        .mapToDouble(Measurement::mean).max().orElseThrow();
                assertTrue(preMax - preMin < 1.0, "flat pre-period " + goal + " " + group);
                double post = ms.stream().filter(m -> m.at().isAfter(SampleGenerator.START))
                        .mapToDouble(Measurement::mean).average().orElseThrow();
                boolean moves = goal.equals(SampleGenerator.EFFECT_GOAL) && group == MeasurementGroup.PARTNERSHIP;
                assertEquals(moves, post - pre > 3.0, goal + " " + group + " " + pre + " -> " + post);
                if (!moves) {
                    assertTrue(Math.abs(post - pre) < 0.5, goal + " " + group + " " + pre + " -> " + post);
                }
            }
        }
    }

    /** Planted truth (a), checked on the raw data: the unreliable business has by far the most negative signals. */
    @Test
    void unreliablePartnerFailsFarMoreOftenThanAnyone() {
        Map<String, int[]> counts = new TreeMap<>(); // {negative, positive}
        for (EngagementSignal s : SMALL.signals()) {
            int[] c = counts.computeIfAbsent(s.source(), k -> new int[2]);
            c[s.kind().polarity() == SignalKind.Polarity.NEGATIVE ? 0 : 1]++;
        }
        double planted = share(counts.get(SampleGenerator.UNRELIABLE_PARTNER));
        counts.forEach((partner, c) -> {
            if (!partner.equals(SampleGenerator.UNRELIABLE_PARTNER)) {
                assertTrue(share(c) * 2 < planted, partner + " " + share(c) + " vs " + planted);
            }
        });
        assertEquals(PartnerType.BUSINESS, SMALL.partner(SampleGenerator.UNRELIABLE_PARTNER).orElseThrow().type());
    }

    private static double share(int[] c) {
        return c[0] / (double) (c[0] + c[1]);
    }

    /** Planted truth (b), checked on the raw data: the contested goal is ranked first by some, last by the rest. */
    @Test
    void contestedGoalIsFirstForSomeAndLastForOthers() {
        Map<String, Double> weights = new TreeMap<>();
        for (Priority p : SMALL.priorities()) {
            if (p.goal().equals(SampleGenerator.CONTESTED_GOAL)) {
                weights.put(p.partner(), p.weight());
            }
        }
        assertEquals(Set.of(1.0, 6.0), Set.copyOf(weights.values()));
    }

    /**
     * Planted truth (d), checked on the raw data: the inactive partner (not the unreliable one) acted regularly
     * before {@link SampleGenerator#DORMANT_FROM}, at least four months before the end, and never after it.
     */
    @Test
    void inactivePartnerStopsActingForTheLastMonths() {
        assertNotEquals(SampleGenerator.UNRELIABLE_PARTNER, SampleGenerator.INACTIVE_PARTNER);
        assertTrue(SampleGenerator.DORMANT_FROM.plus(Duration.ofDays(4 * 31))
                .isBefore(SampleGenerator.END), "four months or more of silence");
        List<EngagementSignal> own = SMALL.signals().stream()
                .filter(s -> s.source().equals(SampleGenerator.INACTIVE_PARTNER)).toList();
        assertTrue(own.size() > 100, "active earlier: " + own.size());
        own.forEach(s -> assertTrue(s.at().isBefore(SampleGenerator.DORMANT_FROM), s::toString));
        assertTrue(own.stream().anyMatch(s -> s.at().isAfter(SampleGenerator.DORMANT_FROM.minus(
                Duration.ofDays(31)))), "active until the month before it stopped");
        // every other partner keeps acting to the end
        Map<String, Instant> last = new TreeMap<>();
        SMALL.signals().forEach(s -> last.merge(s.source(), s.at(), (x, y) -> x.isAfter(y) ? x : y));
        last.forEach((partner, at) -> {
            if (!partner.equals(SampleGenerator.INACTIVE_PARTNER)) {
                assertTrue(at.isAfter(SampleGenerator.END.minus(Duration.ofDays(45))), partner + " " + at);
            }
        });
    }

    /** Planted truth (e), checked on the raw data: the main funder gives more than 60% of the resources shared. */
    @Test
    void mainFunderGivesMostOfTheSharedResources() {
        Map<String, Double> given = new TreeMap<>();
        double total = 0;
        for (EngagementSignal s : SMALL.signals()) {
            if (s.kind() == SignalKind.RESOURCE_SHARED) {
                given.merge(s.source(), s.value(), Double::sum);
                total += s.value();
            }
        }
        double share = given.get(SampleGenerator.MAIN_FUNDER) / total;
        assertTrue(share > 0.6, "main funder's share " + share);
        assertEquals(SampleGenerator.MAIN_FUNDER, given.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertTrue(given.size() >= 7, "the others still give something: " + given);
    }

    // ------------------------------------------------------------------------------------------------ planted truths

    private static final Evaluation EVALUATION = Evaluator.builder().build().evaluate(SMALL);

    /** (a) The unreliable business has the lowest beta-reputation PARTNER score. */
    @Test
    void betaReputationFindsTheUnreliablePartner() {
        List<Score> partners = EVALUATION.scores("beta-reputation").stream()
                .filter(s -> s.subject().kind() == Subject.Kind.PARTNER && s.isOk())
                .sorted(Comparator.comparingDouble(Score::value)).toList();
        assertEquals(SMALL.partners().size(), partners.size(), "every partner has a trust score");
        assertEquals(Subject.partner(SampleGenerator.UNRELIABLE_PARTNER), partners.get(0).subject());
        assertTrue(partners.get(0).interval().high() < partners.get(1).interval().low(),
                "the planted partner is clearly apart: " + partners.get(0) + " vs " + partners.get(1));
    }

    /** (b) Kendall's W names the planted goal as the most contested, while the partners broadly agree. */
    @Test
    void kendallWFindsTheContestedGoal() {
        Score w = EVALUATION.score("kendall-w", Subject.partnership()).orElseThrow();
        assertTrue(w.isOk(), w::toString);
        assertEquals(SampleGenerator.CONTESTED_GOAL, w.details().get("mostContestedGoal"));
        assertTrue(w.value() > 0.3, () -> "broad agreement on the rest: W = " + w.value());
    }

    /** (c) Target attainment: a real effect on one goal (interval excludes zero), none on the other. */
    @Test
    void targetAttainmentSeparatesTheEffectFromTheNullGoal() {
        Score effect = EVALUATION.score("target-attainment", Subject.goal(SampleGenerator.EFFECT_GOAL)).orElseThrow();
        assertTrue(effect.isOk(), effect::toString);
        assertTrue(effect.interval().low() > 0, effect::toString);
        assertTrue(effect.value() > 0.5, effect::toString);

        Score none = EVALUATION.score("target-attainment", Subject.goal(SampleGenerator.NULL_EFFECT_GOAL))
                .orElseThrow();
        assertTrue(none.isOk(), none::toString);
        assertTrue(none.interval().contains(0.0) || Math.abs(none.value()) < 0.05, none::toString);

        // The comparison group stays flat on both goals: the movement is the partnership's.
        for (String goal : List.of(SampleGenerator.EFFECT_GOAL, SampleGenerator.NULL_EFFECT_GOAL)) {
            List<Measurement> comparison = SMALL.measurements().stream()
                    .filter(m -> m.goal().equals(goal) && m.group() == MeasurementGroup.COMPARISON).toList();
            double first = comparison.get(0).mean();
            double last = comparison.get(comparison.size() - 1).mean();
            assertTrue(Math.abs(last - first) < 2 * comparison.get(0).standardError() + 0.5, goal);
        }
    }

    /**
     * (c) The comparison designs: effect-size (Hedges' g) and difference-in-differences intervals exclude 0 on the
     * effect goal (an improvement) and include 0 on the null goal. Skipped, naming the strategy, while a strategy
     * is not on the class path.
     */
    @Test
    void comparisonDesignsSeparateTheEffectFromTheNullGoal() {
        Set<String> available = StrategyCatalog.discover().ids();
        for (String id : List.of("effect-size", "difference-in-differences")) {
            Assumptions.assumeTrue(available.contains(id), "strategy " + id + " is not available yet");
        }
        for (String id : List.of("effect-size", "difference-in-differences")) {
            Score effect = EVALUATION.score(id, Subject.goal(SampleGenerator.EFFECT_GOAL)).orElseThrow();
            assertTrue(effect.isOk() && effect.interval() != null, effect::toString);
            assertTrue(effect.interval().low() > 0, effect::toString);
            Score none = EVALUATION.score(id, Subject.goal(SampleGenerator.NULL_EFFECT_GOAL)).orElseThrow();
            assertTrue(none.isOk() && none.interval() != null, none::toString);
            assertTrue(none.interval().contains(0.0), none::toString);
        }
    }

    /**
     * The sample exercises interrupted time series (enough points before and after the start on the planted goals)
     * and goal attainment scaling (goals with attainment levels): both give OK scores. Skipped, naming the
     * strategy, while a strategy is not on the class path.
     */
    @Test
    void timeSeriesAndGoalAttainmentScalingHaveEnoughEvidence() {
        Set<String> available = StrategyCatalog.discover().ids();
        for (String id : List.of("interrupted-time-series", "goal-attainment-scaling")) {
            Assumptions.assumeTrue(available.contains(id), "strategy " + id + " is not available yet");
        }
        Score jump = EVALUATION.score("interrupted-time-series", Subject.goal(SampleGenerator.EFFECT_GOAL))
                .orElseThrow();
        Score flat = EVALUATION.score("interrupted-time-series", Subject.goal(SampleGenerator.NULL_EFFECT_GOAL))
                .orElseThrow();
        assertTrue(jump.isOk() && flat.isOk(), jump + " / " + flat);
        assertTrue(jump.value() > 0 && jump.value() > flat.value(), "the planted first-term jump: " + jump);
        Score gas = EVALUATION.score("goal-attainment-scaling", Subject.partnership()).orElseThrow();
        assertTrue(gas.isOk(), gas::toString);
    }

    /**
     * (d) and (e) The engagement strategies find the planted truths: participation names the inactive partner (and
     * only it) among its inactive partners and warns about it; resource-exchange raises SINGLE_FUNDER_DEPENDENCE
     * with the main funder as its top contributor. Skipped, naming the strategy, while a strategy is not on the
     * class path.
     */
    @Test
    void engagementStrategiesFindTheInactivePartnerAndTheMainFunder() {
        Set<String> available = StrategyCatalog.discover().ids();
        for (String id : List.of("participation", "resource-exchange")) {
            Assumptions.assumeTrue(available.contains(id), "strategy " + id + " is not available yet");
        }
        Score participation = EVALUATION.score("participation", Subject.partnership()).orElseThrow();
        assertTrue(participation.isOk(), participation::toString);
        assertEquals(List.of(SampleGenerator.INACTIVE_PARTNER), participation.details().get("inactivePartners"),
                participation::toString);
        assertTrue(EVALUATION.warnings().stream().anyMatch(w -> w.code().equals("INACTIVE_PARTNERS")
                && w.message().contains(SampleGenerator.INACTIVE_PARTNER)), () -> EVALUATION.warnings().toString());

        Score exchange = EVALUATION.score("resource-exchange", Subject.partnership()).orElseThrow();
        assertTrue(exchange.isOk(), exchange::toString);
        assertEquals(SampleGenerator.MAIN_FUNDER, exchange.details().get("topContributor"), exchange::toString);
        assertTrue(exchange.detail("topShare") > 0.6, exchange::toString);
        String funderName = SMALL.partner(SampleGenerator.MAIN_FUNDER).orElseThrow().name();
        assertTrue(EVALUATION.warnings().stream().anyMatch(w -> w.code().equals("SINGLE_FUNDER_DEPENDENCE")
                && "resource-exchange".equals(w.strategy())
                && (w.message().contains(SampleGenerator.MAIN_FUNDER) || w.message().contains(funderName))),
                () -> EVALUATION.warnings().toString());
    }

    /** The three evaluation dates of the decline tests: the end of each school year, start of day UTC. */
    private static final List<Instant> YEAR_ENDS = List.of(Instant.parse("2024-06-30T00:00:00Z"),
            Instant.parse("2025-06-30T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"));

    /** Evaluations of the small sample at {@link #YEAR_ENDS}, default configuration, discovery on. */
    private static final List<Evaluation> BY_YEAR = YEAR_ENDS.stream()
            .map(at -> Evaluator.builder().build().evaluate(SMALL, at)).toList();

    /** The OK PARTNER-subject values of a strategy in one evaluation, by partner id. */
    private static Map<String, Double> partnerValues(Evaluation evaluation, String strategy) {
        Map<String, Double> out = new TreeMap<>();
        for (Partner p : SMALL.partners()) {
            evaluation.score(strategy, Subject.partner(p.id())).filter(Score::isOk)
                    .ifPresent(s -> out.put(p.id(), s.value()));
        }
        return out;
    }

    /**
     * (f) Behavioural trust: the declining partner's beta reputation falls clearly from the second year's end to
     * the third (0.912 to 0.853, by 0.059 with the default seed; asserted above 0.04), its fall is the largest of
     * all partners (the next largest is 0.014), and before the decline (first to second year) it does not fall by
     * more than 0.02 (it moves by 0.003). The fall cannot be much deeper while the unreliable partner stays
     * clearly apart at the end: with a 365-day half-life the two earlier good years still weigh on the score.
     */
    @Test
    void betaReputationFallsForTheDecliningPartner() {
        List<Map<String, Double>> years = BY_YEAR.stream().map(e -> partnerValues(e, "beta-reputation")).toList();
        String city = SampleGenerator.DECLINING_PARTNER;
        years.forEach(y -> assertEquals(SMALL.partners().size(), y.size(), y::toString));
        double drop = years.get(1).get(city) - years.get(2).get(city);
        assertTrue(drop > 0.04, () -> "drop " + drop + " in " + years);
        for (String partner : years.get(1).keySet()) {
            if (!partner.equals(city)) {
                double other = years.get(1).get(partner) - years.get(2).get(partner);
                assertTrue(other < drop, () -> partner + " fell by " + other + ", the declining partner by " + drop);
            }
        }
        double before = years.get(0).get(city) - years.get(1).get(city);
        assertTrue(before < 0.02, () -> "no decline before " + SampleGenerator.DECLINE_FROM + ": " + before);
    }

    /**
     * (f) Perceived trust: the rated-trust score of the declining partner falls from the second year's end to the
     * third (the third rating round, 2026-04-15, follows the decline; 0.833 to 0.690 with the default seed,
     * asserted above 0.1) and not before it (it rises by 0.024), while the unreliable partner stays the least
     * trusted at the end.
     */
    @Test
    void ratedTrustFallsForTheDecliningPartner() {
        List<Map<String, Double>> years = BY_YEAR.stream().map(e -> partnerValues(e, "rated-trust")).toList();
        String city = SampleGenerator.DECLINING_PARTNER;
        double drop = years.get(1).get(city) - years.get(2).get(city);
        assertTrue(drop > 0.1, () -> "drop " + drop + " in " + years);
        double before = years.get(0).get(city) - years.get(1).get(city);
        assertTrue(before < 0.03, () -> "no decline before " + SampleGenerator.DECLINE_FROM + ": " + before);
        Map<String, Double> end = years.get(2);
        String least = end.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(SampleGenerator.UNRELIABLE_PARTNER, least, end::toString);
    }

    @Test
    void largeSampleHasExactlyAMillionSignalsAndFiftyPartners() {
        Partnership large = SampleGenerator.defaults().withSize(SampleGenerator.Size.LARGE).generate();
        assertEquals(SampleGenerator.LARGE_SIGNALS, large.signals().size());
        assertEquals(1_000_000, large.signals().size());
        assertEquals(SampleGenerator.LARGE_PARTNERS, large.partners().size());
        assertEquals(50, large.partners().size());
        assertTrue(large.partners().stream().map(Partner::type).distinct().count() >= 8, "mixed types");
        EngagementSignal first = large.signals().get(0);
        EngagementSignal last = large.signals().get(large.signals().size() - 1);
        assertFalse(first.at().isBefore(SampleGenerator.START));
        assertTrue(last.at().isBefore(SampleGenerator.END));
    }
}
