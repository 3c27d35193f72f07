package dev.partnership.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.Riverbend;
import dev.partnership.metrics.ScoringStrategyContractTest;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link RatedTrust} and {@link RatedTrustProvider}. Expected numbers are computed by hand from the ratings
 * in each test; t quantiles: t(0.975, 2) = 4.302652729749464 from the closed form
 * {@code (2p − 1) · √(2 / (4p(1 − p)))} for two degrees of freedom, t(0.975, 3) = 3.182446305284263 (SciPy
 * {@code t.ppf(0.975, 3)}).
 */
class RatedTrustTest extends ScoringStrategyContractTest {
    private static final Instant WAVE = Instant.parse("2025-05-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
    private static final double T_2 = 4.302652729749464;
    private static final double T_3 = 3.182446305284263;
    private static final String KEYSTONE = "keystone";
    private static final String DISTRICT = "district";
    private static final String COLLEGE = "college";
    private static final String NONPROFIT = "nonprofit";

    private static final RatingDimension REL = RatingDimension.RELIABILITY;
    private static final RatingDimension MS = RatingDimension.MISSION_SUPPORT;
    private static final RatingDimension OPEN = RatingDimension.OPENNESS;
    private static final RatingDimension POWER = RatingDimension.POWER;
    private static final RatingDimension INV = RatingDimension.INVOLVEMENT;
    private static final RatingDimension RES = RatingDimension.RESOURCES;

    @Override
    protected ScoringStrategyProvider provider() {
        return new RatedTrustProvider();
    }

    /**
     * The Riverbend fixture with two PARTNER survey waves of ratings added (the shared fixture has none): each
     * partner answers for most partners, families answers rarely, and the second wave re-rates some pairs.
     */
    @Override
    protected Partnership realisticPartnership() {
        Partnership p = Riverbend.partnership();
        String[] ids = {"rusd", "rcc", "ru", "youthworks", "acme", "families"};
        double[] standing = {3.4, 3.1, 2.8, 3.3, 2.2, 2.6};
        double[] response = {0.9, 0.85, 0.8, 0.9, 0.7, 0.3};
        Instant[] waves = {Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-10-01T00:00:00Z")};
        SplittableRandom random = new SplittableRandom(20250301L);
        List<Rating> ratings = new ArrayList<>();
        for (int w = 0; w < waves.length; w++) {
            for (int a = 0; a < ids.length; a++) {
                for (int b = 0; b < ids.length; b++) {
                    if (a == b || random.nextDouble() >= response[a] * (w == 0 ? 1 : 0.5)) {
                        continue;
                    }
                    for (RatingDimension d : List.of(REL, MS, OPEN, POWER, INV, RES)) {
                        if (random.nextDouble() < 0.85) {
                            double v = Math.rint(standing[b] + random.nextDouble() * 1.6 - 0.8);
                            ratings.add(new Rating(waves[w], ids[a], ids[b], d, Math.max(1, Math.min(4, v))));
                        }
                    }
                }
            }
        }
        return new Partnership(p.id(), p.name(), p.start(), p.partners(), p.goals(), p.priorities(), p.signals(),
                ratings, p.surveys(), p.measurements(), p.instruments());
    }

    @Override
    protected void checkSinglePartner(StrategyResult result) {
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
    }

    private static Partnership.Builder partners(String id) {
        return Partnership.builder(id, id, Instant.parse("2024-09-01T00:00:00Z"))
                .partner(new Partner(KEYSTONE, "Keystone Fabrication", PartnerType.BUSINESS))
                .partner(new Partner(DISTRICT, "Riverbend Unified", PartnerType.SCHOOL_DISTRICT))
                .partner(new Partner(COLLEGE, "Riverbend Community College", PartnerType.COMMUNITY_COLLEGE));
    }

    private static Rating rating(String rater, String ratee, RatingDimension d, double v) {
        return new Rating(WAVE, rater, ratee, d, v);
    }

    /**
     * Keystone is rated by three partners who answered different numbers of trust dimensions: district (2, 3, 2:
     * mean 7/3; value 3, 2, 4: mean 3), college (3; value 2) and the nonprofit (2, 3: mean 2.5). Keystone rated
     * the district (4, 4, 3: mean 11/3) and nobody else; college and the nonprofit are not rated back by keystone.
     */
    private static Partnership hand() {
        return partners("hand")
                .partner(new Partner(NONPROFIT, "YouthWorks", PartnerType.NONPROFIT))
                .rating(rating(DISTRICT, KEYSTONE, REL, 2)).rating(rating(DISTRICT, KEYSTONE, MS, 3))
                .rating(rating(DISTRICT, KEYSTONE, OPEN, 2)).rating(rating(DISTRICT, KEYSTONE, POWER, 3))
                .rating(rating(DISTRICT, KEYSTONE, INV, 2)).rating(rating(DISTRICT, KEYSTONE, RES, 4))
                .rating(rating(COLLEGE, KEYSTONE, REL, 3)).rating(rating(COLLEGE, KEYSTONE, POWER, 2))
                .rating(rating(NONPROFIT, KEYSTONE, REL, 2)).rating(rating(NONPROFIT, KEYSTONE, OPEN, 3))
                .rating(rating(KEYSTONE, DISTRICT, REL, 4)).rating(rating(KEYSTONE, DISTRICT, MS, 4))
                .rating(rating(KEYSTONE, DISTRICT, OPEN, 3))
                .build();
    }

    /**
     * Non-response for the reciprocal policy: district rates keystone (reliability 2, openness 4, power 2);
     * keystone rates district (reliability 3, mission 3) and college (1, 2, 3, power 4); college rates district
     * (reliability 4). Reciprocal reconstruction fills 8 ratings: keystone→district openness 4 and power 2,
     * district→keystone mission 3, college→keystone 1, 2, 3 and power 4, district→college reliability 4.
     */
    private static Partnership nonResponse() {
        return partners("non-response")
                .rating(rating(DISTRICT, KEYSTONE, REL, 2)).rating(rating(DISTRICT, KEYSTONE, OPEN, 4))
                .rating(rating(DISTRICT, KEYSTONE, POWER, 2))
                .rating(rating(KEYSTONE, DISTRICT, REL, 3)).rating(rating(KEYSTONE, DISTRICT, MS, 3))
                .rating(rating(KEYSTONE, COLLEGE, REL, 1)).rating(rating(KEYSTONE, COLLEGE, MS, 2))
                .rating(rating(KEYSTONE, COLLEGE, OPEN, 3)).rating(rating(KEYSTONE, COLLEGE, POWER, 4))
                .rating(rating(COLLEGE, DISTRICT, REL, 4))
                .build();
    }

    private static Score find(StrategyResult result, Subject subject) {
        Optional<Score> s = result.scores().stream().filter(x -> x.subject().equals(subject)).findFirst();
        assertTrue(s.isPresent(), "no score for " + subject);
        return s.get();
    }

    private static Map<?, ?> dimensionMeans(Score s) {
        return (Map<?, ?>) s.details().get("dimensionMeans");
    }

    @Test
    void partnerTrustIsTheMeanOfRaterLevelMeansUnderPercentOfMax() {
        Score keystone = find(run(new RatedTrust(), hand(), AS_OF), Subject.partner(KEYSTONE));
        assertEquals(ScoreStatus.OK, keystone.status());
        // Rater-level means 7/3, 3, 2.5 give 47/18; pooling the six ratings would give 15/6 = 2.5 instead.
        double mean = 47.0 / 18;
        assertEquals(mean, keystone.detail("trustMean"), 1e-12);
        assertEquals(47.0 / 72, keystone.value(), 1e-12);
        assertEquals(keystone.value(), keystone.normalized(), 0);
        assertEquals(keystone.value(), keystone.detail("trustPercent"), 0);
        assertEquals(2.5, keystone.detail("valueMean"), 1e-12);
        assertEquals(0.625, keystone.detail("valuePercent"), 1e-12);
        assertEquals(3, keystone.detail("raters"), 0);
        assertEquals(2, keystone.detail("valueRaters"), 0);
        assertEquals(3, keystone.n(), 0);
        assertEquals("percent-of-max", keystone.details().get("convention"));
        assertEquals("ignore", keystone.details().get("missing"));
        assertEquals(Map.of("RELIABILITY", 7.0 / 3, "MISSION_SUPPORT", 3.0, "OPENNESS", 2.5, "POWER", 2.5,
                "INVOLVEMENT", 2.0, "RESOURCES", 4.0), dimensionMeans(keystone));
        assertEquals(List.of("RELIABILITY", "MISSION_SUPPORT", "OPENNESS", "POWER", "INVOLVEMENT", "RESOURCES"),
                List.copyOf(dimensionMeans(keystone).keySet()));
        // sd of (7/3, 3, 2.5) = √39 / 18; interval 47/18 ± t(0.975, 2) · sd / √3 on 1-4, then divided by 4.
        double sd = Math.sqrt(39) / 18;
        assertEquals(sd, keystone.detail("standardDeviation"), 1e-12);
        assertEquals(T_2, keystone.detail("tQuantile"), 1e-8);
        double half = T_2 * sd / Math.sqrt(3);
        assertEquals((mean - half) / 4, keystone.interval().low(), 1e-8);
        assertEquals((mean + half) / 4, keystone.interval().high(), 1e-8);
        assertEquals(keystone.interval(), keystone.normalizedInterval());
        assertEquals("Partners rate Keystone Fabrication's trustworthiness at 65% of the top rating (average 2.61 on "
                + "the 1-4 scale from 3 partners; 95% interval 44% to 87%) and its value to the partnership at 63%.",
                keystone.explanation());
    }

    @Test
    void rescaledConventionMapsOneToZeroAndFourToOne() {
        Score keystone = find(run(new RatedTrust().withScale(RatedTrust.Scale.RESCALED), hand(), AS_OF),
                Subject.partner(KEYSTONE));
        double mean = 47.0 / 18;
        assertEquals(mean, keystone.detail("trustMean"), 1e-12);
        assertEquals(29.0 / 54, keystone.value(), 1e-12);
        assertEquals(0.5, keystone.detail("valuePercent"), 1e-12);
        double half = T_2 * Math.sqrt(39) / 18 / Math.sqrt(3);
        assertEquals((mean - half - 1) / 3, keystone.interval().low(), 1e-8);
        assertEquals((mean + half - 1) / 3, keystone.interval().high(), 1e-8);
        assertEquals("rescaled", keystone.details().get("convention"));
        assertEquals("Partners rate Keystone Fabrication's trustworthiness at 54% of the way from the lowest rating "
                + "to the top (average 2.61 on the 1-4 scale from 3 partners; 95% interval 25% to 82%) and its value "
                + "to the partnership at 50%.", keystone.explanation());
        assertEquals(0.0, RatedTrust.Scale.RESCALED.fraction(1), 0);
        assertEquals(1.0, RatedTrust.Scale.RESCALED.fraction(4), 0);
        assertEquals(0.25, RatedTrust.Scale.PERCENT_OF_MAX.fraction(1), 0);
        assertEquals(1.0, RatedTrust.Scale.PERCENT_OF_MAX.fraction(4), 0);
    }

    @Test
    void networkIsTheMeanOverRatedPairsWithBothConventionsInDetails() {
        StrategyResult result = run(new RatedTrust(), hand(), AS_OF);
        Score network = find(result, Subject.partnership());
        // Pairs: college→keystone 3, district→keystone 7/3, keystone→district 11/3, nonprofit→keystone 2.5.
        assertEquals(2.875, network.detail("trustMean"), 1e-12);
        assertEquals(2.875 / 4, network.value(), 1e-12);
        assertEquals(network.value(), network.normalized(), 0);
        assertEquals(2.875 / 4, network.detail("trustPercentOfMax"), 1e-12);
        assertEquals(1.875 / 3, network.detail("trustRescaled"), 1e-12);
        assertEquals(2.5, network.detail("valueMean"), 1e-12);
        assertEquals(0.625, network.detail("valuePercentOfMax"), 1e-12);
        assertEquals(0.5, network.detail("valueRescaled"), 1e-12);
        assertEquals(4, network.detail("pairs"), 0);
        assertEquals(2, network.detail("valuePairs"), 0);
        assertEquals(4, network.detail("raters"), 0);
        assertEquals(0, network.detail("reconstructed"), 0);
        // college and the nonprofit rated keystone, keystone did not rate them.
        assertEquals(2, network.detail("missingPairs"), 0);
        double sd = 0.5989960736902172;
        assertEquals(sd, network.detail("standardDeviation"), 1e-12);
        assertEquals(T_3, network.detail("tQuantile"), 1e-8);
        assertEquals((2.875 - T_3 * sd / 2) / 4, network.interval().low(), 1e-8);
        assertEquals((2.875 + T_3 * sd / 2) / 4, network.interval().high(), 1e-8);
        assertTrue(network.explanation().contains("In 2 pairs only one partner rated the other"),
                network.explanation());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());

        Score rescaled = find(run(new RatedTrust().withScale(RatedTrust.Scale.RESCALED), hand(), AS_OF),
                Subject.partnership());
        assertEquals(1.875 / 3, rescaled.value(), 1e-12);
        assertEquals(network.detail("trustPercentOfMax"), rescaled.detail("trustPercentOfMax"), 0);
        assertEquals(network.detail("trustRescaled"), rescaled.detail("trustRescaled"), 0);
    }

    @Test
    void scoresComeNetworkFirstThenEveryPartnerById() {
        StrategyResult result = run(new RatedTrust(), hand(), AS_OF);
        assertEquals(List.of(Subject.partnership(), Subject.partner(COLLEGE), Subject.partner(DISTRICT),
                Subject.partner(KEYSTONE), Subject.partner(NONPROFIT)),
                result.scores().stream().map(Score::subject).toList());
    }

    @Test
    void aPartnerRatedByOneRaterIsInsufficient() {
        StrategyResult result = run(new RatedTrust(), hand(), AS_OF);
        Score district = find(result, Subject.partner(DISTRICT));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, district.status());
        assertTrue(Double.isNaN(district.value()));
        assertNull(district.interval());
        assertEquals(1, district.detail("raters"), 0);
        assertEquals("Only 1 partner has rated Riverbend Unified's trustworthiness (reliability, support of the "
                + "mission, openness); at least 2 are needed for a trust score.", district.details().get("reason"));
        Score college = find(result, Subject.partner(COLLEGE));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, college.status());
        assertEquals(0, college.detail("raters"), 0);
        assertEquals(1, college.detail("missingPairs"), 0);
        assertTrue(college.explanation().startsWith("No partner has rated Riverbend Community College's"));
    }

    @Test
    void ignorePolicyLeavesMissingRatingsOutAndCountsMissingPairs() {
        StrategyResult result = run(new RatedTrust(), nonResponse(), AS_OF);
        Score keystone = find(result, Subject.partner(KEYSTONE));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, keystone.status());
        assertEquals(1, keystone.detail("raters"), 0);
        assertEquals(1, keystone.detail("missingPairs"), 0);
        assertEquals(0, keystone.detail("reconstructed"), 0);
        Score district = find(result, Subject.partner(DISTRICT));
        assertEquals(3.5, district.detail("trustMean"), 1e-12);
        assertEquals(0, district.detail("missingPairs"), 0);
        assertTrue(district.details().containsKey("valueNote"));
        assertFalse(district.details().containsKey("valueMean"));
        Score network = find(result, Subject.partnership());
        // Pairs: college→district 4, district→keystone 3, keystone→college 2, keystone→district 3.
        assertEquals(3.0, network.detail("trustMean"), 1e-12);
        assertEquals(0.75, network.value(), 1e-12);
        assertEquals(2, network.detail("missingPairs"), 0);
        assertEquals(0, network.detail("reconstructed"), 0);
        assertTrue(result.warnings().stream().noneMatch(w -> w.code().equals(RatedTrust.RECONSTRUCTED_RATINGS)));
    }

    @Test
    void reciprocalPolicyFillsMissingRatingsFromTheReverseDirectionAndSaysSo() {
        RatedTrust reciprocal = new RatedTrust().withMissingRatings(RatedTrust.MissingRatings.RECIPROCAL);
        StrategyResult result = run(reciprocal, nonResponse(), AS_OF);
        Score keystone = find(result, Subject.partner(KEYSTONE));
        assertEquals(ScoreStatus.OK, keystone.status());
        // college→keystone reconstructed as (1, 2, 3; power 4): trust 2; district→keystone (2, 3 filled, 4): 3.
        assertEquals(2.5, keystone.detail("trustMean"), 1e-12);
        assertEquals(0.625, keystone.value(), 1e-12);
        assertEquals(3.0, keystone.detail("valueMean"), 1e-12);
        assertEquals(2, keystone.detail("raters"), 0);
        assertEquals(5, keystone.detail("reconstructed"), 0);
        assertEquals(1, keystone.detail("missingPairs"), 0);
        assertEquals("reciprocal", keystone.details().get("missing"));
        assertEquals(Map.of("RELIABILITY", 1.5, "MISSION_SUPPORT", 2.5, "OPENNESS", 3.5, "POWER", 3.0),
                dimensionMeans(keystone));
        assertTrue(keystone.explanation().endsWith(" 5 ratings of Keystone Fabrication were filled in from its own "
                + "ratings of partners who had not rated it on that point."),
                keystone.explanation());
        // keystone→district gains openness 4 (and power 2): (3, 3, 4) = 10/3; college→district stays 4.
        Score district = find(result, Subject.partner(DISTRICT));
        assertEquals(11.0 / 3, district.detail("trustMean"), 1e-12);
        assertEquals(2, district.detail("reconstructed"), 0);
        assertEquals(3.0, find(result, Subject.partner(COLLEGE)).detail("trustMean"), 1e-12);
        assertEquals(1, find(result, Subject.partner(COLLEGE)).detail("reconstructed"), 0);

        Score network = find(result, Subject.partnership());
        // Six pairs: 4, 2, 4, 3, 2, 10/3.
        assertEquals(55.0 / 18, network.detail("trustMean"), 1e-12);
        assertEquals(55.0 / 72, network.value(), 1e-12);
        assertEquals(8, network.detail("reconstructed"), 0);
        assertEquals(6, network.detail("pairs"), 0);
        assertEquals(2, network.detail("missingPairs"), 0);
        assertTrue(network.explanation().contains("8 missing ratings were filled in"), network.explanation());
        List<Warning> reconstructedWarnings = result.warnings().stream()
                .filter(w -> w.code().equals(RatedTrust.RECONSTRUCTED_RATINGS)).toList();
        assertEquals(1, reconstructedWarnings.size());
        assertTrue(reconstructedWarnings.get(0).message().startsWith("8 missing ratings"));
        assertEquals(RatedTrust.ID, reconstructedWarnings.get(0).strategy());
        assertTrue(result.warnings().stream().noneMatch(w -> w.code().equals(Warning.EXCLUDED_INPUT)));
    }

    @Test
    void reciprocalMirrorsOnlyObservedRatingsNeverReconstructedOnes() {
        // Only district→keystone is observed: keystone→district is filled, and nothing comes back from it.
        Partnership p = partners("one-way").rating(rating(DISTRICT, KEYSTONE, REL, 2)).build();
        Score network = find(run(new RatedTrust().withMissingRatings(RatedTrust.MissingRatings.RECIPROCAL), p, AS_OF),
                Subject.partnership());
        assertEquals(1, network.detail("reconstructed"), 0);
        assertEquals(2, network.detail("pairs"), 0);
        assertEquals(2.0, network.detail("trustMean"), 0);
        // Two equal pairs: zero spread, a degenerate interval at 2/4.
        assertEquals(0.5, network.interval().low(), 1e-12);
        assertEquals(0.5, network.interval().high(), 1e-12);
    }

    @Test
    void theLatestRatingOfARaterOnADimensionCountsAndTiesTakeTheLastInTheIndexOrder() {
        Instant earlier = WAVE.minusSeconds(86_400);
        Partnership p = partners("latest")
                .rating(new Rating(WAVE, DISTRICT, KEYSTONE, REL, 4))
                .rating(new Rating(earlier, DISTRICT, KEYSTONE, REL, 1))
                // Same rater, ratee, dimension and instant: the index orders by value, so 3 comes last and counts.
                .rating(new Rating(WAVE, COLLEGE, KEYSTONE, REL, 3))
                .rating(new Rating(WAVE, COLLEGE, KEYSTONE, REL, 2))
                .build();
        Score keystone = find(run(new RatedTrust(), p, AS_OF), Subject.partner(KEYSTONE));
        assertEquals(3.5, keystone.detail("trustMean"), 1e-12);
        assertEquals(Map.of("RELIABILITY", 3.5), dimensionMeans(keystone));
        // Before the later wave, the earlier rating is the latest one.
        Partnership before = partners("before")
                .rating(new Rating(earlier, DISTRICT, KEYSTONE, REL, 1))
                .rating(new Rating(WAVE, COLLEGE, KEYSTONE, REL, 3))
                .build();
        assertEquals(2.0, find(run(new RatedTrust(), before, AS_OF), Subject.partner(KEYSTONE)).detail("trustMean"),
                1e-12);
    }

    @Test
    void ratingsAfterAsOfAreIgnored() {
        Partnership base = hand();
        List<Rating> more = new ArrayList<>(base.ratings());
        more.add(new Rating(AS_OF.plusSeconds(1), COLLEGE, KEYSTONE, REL, 1));
        more.add(new Rating(AS_OF.plusSeconds(1), KEYSTONE, COLLEGE, OPEN, 4));
        Partnership later = new Partnership(base.id(), base.name(), base.start(), base.partners(), base.goals(),
                base.priorities(), base.signals(), more, base.surveys(), base.measurements(), base.instruments());
        assertEquals(run(new RatedTrust(), base, AS_OF), run(new RatedTrust(), later, AS_OF));
        // Counted once asOf reaches them.
        assertNotEquals(run(new RatedTrust(), base, AS_OF.plusSeconds(1)),
                run(new RatedTrust(), later, AS_OF.plusSeconds(1)));
    }

    @Test
    void collaborationLevelRatingsAreNotRead() {
        Partnership p = partners("levels")
                .rating(rating(DISTRICT, KEYSTONE, RatingDimension.COLLABORATION_LEVEL, 5))
                .rating(rating(COLLEGE, KEYSTONE, RatingDimension.COLLABORATION_LEVEL, 0))
                .build();
        StrategyResult result = run(new RatedTrust(), p, AS_OF);
        assertTrue(result.scores().stream().noneMatch(Score::isOk));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, find(result, Subject.partnership()).status());
        assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals(Warning.INSUFFICIENT_EVIDENCE)));
    }

    @Test
    void onePairGivesANetworkValueWithoutInterval() {
        Partnership p = partners("one-pair").rating(rating(DISTRICT, KEYSTONE, OPEN, 3)).build();
        Score network = find(run(new RatedTrust(), p, AS_OF), Subject.partnership());
        assertEquals(0.75, network.value(), 0);
        assertNull(network.interval());
        assertEquals(1, network.detail("pairs"), 0);
        assertTrue(network.details().containsKey("intervalNote"));
    }

    @Test
    void aHigherMinimumOfRatersWithholdsThinFigures() {
        Score keystone = find(run(new RatedTrust().withMinRaters(3), hand(), AS_OF), Subject.partner(KEYSTONE));
        assertEquals(ScoreStatus.OK, keystone.status());
        assertFalse(keystone.details().containsKey("valueMean"), "only 2 partners rated the value");
        assertTrue(keystone.explanation().contains("fewer than 3 partners rated Keystone Fabrication's value"));
        Score thin = find(run(new RatedTrust().withMinRaters(4), hand(), AS_OF), Subject.partner(KEYSTONE));
        assertEquals(ScoreStatus.INSUFFICIENT_EVIDENCE, thin.status());
        assertTrue(thin.explanation().startsWith("Only 3 partners have rated"), thin.explanation());
    }

    @Test
    void providerPassesParametersAndRejectsBadValues() {
        RatedTrustProvider provider = new RatedTrustProvider();
        RatedTrust s = (RatedTrust) provider.create(StrategyParameters.of(provider.id(), provider.parameters(),
                Map.of("missing", "reciprocal", "scale", "rescaled", "minRaters", 3)));
        assertEquals(RatedTrust.MissingRatings.RECIPROCAL, s.missingRatings());
        assertEquals(RatedTrust.Scale.RESCALED, s.scale());
        assertEquals(3, s.minRaters());
        RatedTrust defaults = (RatedTrust) provider.create(
                StrategyParameters.defaults(provider.id(), provider.parameters()));
        assertEquals(RatedTrust.DEFAULT_SCALE, defaults.scale());
        assertEquals(RatedTrust.Scale.PERCENT_OF_MAX, defaults.scale());
        assertEquals(RatedTrust.MissingRatings.IGNORE, defaults.missingRatings());
        assertEquals(RatedTrust.DEFAULT_MIN_RATERS, defaults.minRaters());

        EvaluationConfig config = EvaluationConfig.defaults().withParameters(provider.id(),
                Map.of("missing", "impute", "scale", "percent", "minRaters", 1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider).config(config).build());
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void constructorAndNamesRejectBadValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new RatedTrust(RatedTrust.Scale.RESCALED, RatedTrust.MissingRatings.IGNORE, 1));
        assertThrows(NullPointerException.class, () -> new RatedTrust(null, RatedTrust.MissingRatings.IGNORE, 2));
        assertThrows(NullPointerException.class, () -> new RatedTrust(RatedTrust.Scale.RESCALED, null, 2));
        assertThrows(IllegalArgumentException.class, () -> RatedTrust.Scale.fromId("percent"));
        assertThrows(IllegalArgumentException.class, () -> RatedTrust.MissingRatings.fromId("impute"));
        assertEquals(RatedTrust.Scale.RESCALED, RatedTrust.Scale.fromId("rescaled"));
        assertEquals(RatedTrust.MissingRatings.RECIPROCAL, RatedTrust.MissingRatings.fromId("reciprocal"));
    }

    @Test
    void realisticPartnershipScoresTheNetworkAndEveryPartner() {
        Partnership p = realisticPartnership();
        StrategyResult result = run(new RatedTrust(), p);
        assertEquals(1 + p.partners().size(), result.scores().size());
        Score network = find(result, Subject.partnership());
        assertTrue(network.isOk());
        assertTrue(network.interval().contains(network.value()));
        assertEquals(network.detail("trustMean") / 4, network.detail("trustPercentOfMax"), 1e-15);
        assertEquals((network.detail("trustMean") - 1) / 3, network.detail("trustRescaled"), 1e-15);
        for (Score s : result.scores()) {
            if (s.isOk()) {
                assertTrue(s.interval().contains(s.value()), s.subject().toString());
            }
        }
    }

    /** A random partnership of {@code partners} partners with {@code count} ratings, some off the PARTNER scales. */
    private static Partnership randomRatings(long seed, int partners, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Partnership.Builder b = Partnership.builder("random", "Random", Instant.parse("2024-09-01T00:00:00Z"));
        for (int i = 0; i < partners; i++) {
            b.partner(new Partner("p" + i, "Partner " + i, PartnerType.OTHER));
        }
        RatingDimension[] dims = RatingDimension.values();
        for (int i = 0; i < count; i++) {
            int rater = random.nextInt(partners);
            int ratee = (rater + 1 + random.nextInt(partners - 1)) % partners;
            RatingDimension d = dims[random.nextInt(dims.length)];
            double v = random.nextBoolean() ? d.min() + random.nextInt(d.max() - d.min() + 1)
                    : d.min() + random.nextDouble() * (d.max() - d.min());
            b.rating(new Rating(WAVE.plusSeconds(random.nextInt(3)), "p" + rater, "p" + ratee, d, v));
        }
        return b.build();
    }

    @Test
    void levelsStayInTheUnitIntervalAndPercentOfMaxIsNeverBelowRescaled() {
        qt().withFixedSeed(43).withExamples(200)
                .forAll(longs().all(), integers().between(2, 6), integers().between(0, 80))
                .checkAssert((seed, partners, count) -> {
                    Partnership p = randomRatings(seed, partners, count);
                    for (RatedTrust.MissingRatings policy : RatedTrust.MissingRatings.values()) {
                        RatedTrust base = new RatedTrust().withMissingRatings(policy);
                        List<Score> ofMax = run(base, p, AS_OF).scores();
                        List<Score> rescaled = run(base.withScale(RatedTrust.Scale.RESCALED), p, AS_OF).scores();
                        assertEquals(ofMax.size(), rescaled.size());
                        for (int i = 0; i < ofMax.size(); i++) {
                            Score a = ofMax.get(i);
                            Score r = rescaled.get(i);
                            assertEquals(a.subject(), r.subject());
                            assertEquals(a.status(), r.status());
                            if (!a.isOk()) {
                                continue;
                            }
                            for (Score s : List.of(a, r)) {
                                assertTrue(s.value() >= 0 && s.value() <= 1, s.toString());
                                assertTrue(s.detail("trustMean") >= 1 && s.detail("trustMean") <= 4, s.toString());
                                if (s.interval() != null) {
                                    assertTrue(s.interval().low() >= 0 && s.interval().high() <= 1, s.toString());
                                }
                            }
                            assertTrue(a.value() >= r.value(), a + " vs " + r);
                            assertEquals((4 - a.detail("trustMean")) / 12, a.value() - r.value(), 1e-12);
                        }
                    }
                });
    }

    @Test
    void reciprocalNeverLosesARaterAndIgnoreCountsWhatItWouldFill() {
        qt().withFixedSeed(47).withExamples(150)
                .forAll(longs().all(), integers().between(2, 6), integers().between(0, 60))
                .checkAssert((seed, partners, count) -> {
                    Partnership p = randomRatings(seed, partners, count);
                    StrategyResult ignore = run(new RatedTrust(), p, AS_OF);
                    StrategyResult reciprocal = run(
                            new RatedTrust().withMissingRatings(RatedTrust.MissingRatings.RECIPROCAL), p, AS_OF);
                    for (int i = 0; i < ignore.scores().size(); i++) {
                        Score a = ignore.scores().get(i);
                        Score r = reciprocal.scores().get(i);
                        String who = a.subject().kind() == Subject.Kind.PARTNERSHIP ? "pairs" : "raters";
                        double ra = a.detail(who);
                        double rr = r.detail(who);
                        assertTrue(rr >= ra, a.subject().toString());
                        assertEquals(a.detail("missingPairs"), r.detail("missingPairs"), 0);
                        assertEquals(0, a.detail("reconstructed"), 0);
                    }
                });
    }
}
