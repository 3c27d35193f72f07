package dev.partnership.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Dimension;
import dev.partnership.DimensionSummary;
import dev.partnership.EngagementSignal;
import dev.partnership.Evaluation;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Goal;
import dev.partnership.InvalidConfigException;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Score;
import dev.partnership.StrategyCatalog;
import dev.partnership.Warning;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The contract every scoring strategy keeps (see {@link ScoringStrategy}): OK scores are finite; a normalized
 * value, where the strategy gives one (descriptive figures leave it unset), lies in [0, 1] with its interval; results are deterministic and independent of the order of the evidence; thin evidence gives
 * no made-up score and no exception; the provider works through explicit registration on the
 * {@link Evaluator} and through {@link ServiceLoader} discovery. Each strategy's test extends this class and
 * supplies its provider and a realistic partnership.
 */
public abstract class ScoringStrategyContractTest {
    /** The ids of the strategies this module provides. */
    protected static final List<String> MODULE_STRATEGY_IDS = List.of("beta-reputation", "subjective-logic",
            "eigentrust", "rated-trust", "network-structure", "collaboration-levels", "kendall-w",
            "priority-similarity", "rater-agreement", "goal-structure", "target-attainment", "goal-attainment-scaling",
            "effect-size", "difference-in-differences", "interrupted-time-series", "participation",
            "participation-equity", "resource-exchange", "communication-cadence", "collaboration-factors",
            "health-index");

    /**
     * Returns the provider under test.
     *
     * @return a new provider
     */
    protected abstract ScoringStrategyProvider provider();

    /**
     * Returns a realistic partnership on which the strategy gives at least one OK score.
     *
     * @return the partnership
     */
    protected abstract Partnership realisticPartnership();

    /**
     * Checks the result for a partnership of one partner that keeps its own evidence (priorities, signals toward
     * the whole partnership, all measurements). By default nothing beyond the contract is checked.
     *
     * @param result the strategy's result
     */
    protected void checkSinglePartner(StrategyResult result) {
    }

    /**
     * Returns the strategy created with default parameters.
     *
     * @return the strategy
     */
    protected ScoringStrategy strategy() {
        ScoringStrategyProvider p = provider();
        return p.create(StrategyParameters.defaults(p.id(), p.parameters()));
    }

    /**
     * Runs a strategy at the partnership's latest evidence with default settings.
     *
     * @param strategy    the strategy
     * @param partnership the partnership
     * @return the result
     */
    protected static StrategyResult run(ScoringStrategy strategy, Partnership partnership) {
        return run(strategy, partnership, partnership.latestEvidence());
    }

    /**
     * Runs a strategy with default settings (95% level, the default seed).
     *
     * @param strategy    the strategy
     * @param partnership the partnership
     * @param asOf        the evaluation time
     * @return the result
     */
    protected static StrategyResult run(ScoringStrategy strategy, Partnership partnership, Instant asOf) {
        ScoringContext c = context(partnership, asOf, EvaluationConfig.DEFAULT_SEED);
        if (strategy.readsSummaries()) {
            // A composite reads the summaries an evaluation with every discovered strategy forms before it runs.
            c = c.withSummaries(componentSummaries(Evaluator.builder().build().evaluate(partnership, asOf)));
        }
        return strategy.score(c);
    }

    /**
     * Returns the summaries a composite strategy reads in an evaluation: every dimension's but HEALTH's.
     *
     * @param evaluation the evaluation
     * @return the component summaries
     */
    protected static Map<Dimension, DimensionSummary> componentSummaries(Evaluation evaluation) {
        Map<Dimension, DimensionSummary> out = new EnumMap<>(Dimension.class);
        out.putAll(evaluation.summary());
        out.remove(Dimension.HEALTH);
        return out;
    }

    /**
     * Builds a scoring context with the default level.
     *
     * @param partnership the partnership
     * @param asOf        the evaluation time
     * @param seed        the evaluation seed
     * @return the context
     */
    protected static ScoringContext context(Partnership partnership, Instant asOf, long seed) {
        return new ScoringContext(partnership, EvidenceIndex.of(partnership, asOf), asOf,
                EvaluationConfig.DEFAULT_CONFIDENCE_LEVEL, seed, EvaluationConfig.DEFAULT_MIN_CELL_SIZE);
    }

    /** Asserts the bounds every score of the strategy keeps. */
    private void assertWithinContract(StrategyResult result) {
        ScoringStrategyProvider p = provider();
        for (Score s : result.scores()) {
            assertEquals(p.id(), s.strategy(), "strategy id of " + s.subject());
            assertEquals(p.dimension(), s.dimension(), "dimension of " + s.subject());
            assertNotNull(s.explanation(), "explanation of " + s.subject());
            assertFalse(s.explanation().isBlank(), "explanation of " + s.subject());
            if (s.isOk()) {
                assertTrue(Double.isFinite(s.value()), "value of " + s.subject());
                assertTrue(Double.isNaN(s.normalized()) || (s.normalized() >= 0 && s.normalized() <= 1),
                        "normalized of " + s.subject());
                if (Double.isNaN(s.normalized())) {
                    assertNull(s.normalizedInterval(), "no normalized interval without a normalized value");
                } else if (s.normalizedInterval() != null) {
                    assertTrue(s.normalizedInterval().low() >= 0 && s.normalizedInterval().high() <= 1);
                }
                assertTrue(Double.isNaN(s.n()) || s.n() >= 0);
            } else {
                assertTrue(Double.isNaN(s.value()), "no value without OK for " + s.subject());
                assertTrue(s.details().containsKey("reason"), "a reason for " + s.subject());
            }
        }
        for (Warning w : result.warnings()) {
            assertEquals(p.id(), w.strategy());
        }
    }

    @Test
    void realisticPartnershipGivesOkScoresWithinBounds() {
        StrategyResult result = run(strategy(), realisticPartnership());
        assertTrue(result.scores().stream().anyMatch(Score::isOk), "at least one OK score on realistic data");
        assertWithinContract(result);
    }

    @Test
    void everyScoreHasADistinctSubject() {
        List<Score> scores = run(strategy(), realisticPartnership()).scores();
        assertEquals(scores.size(), scores.stream().map(Score::subject).distinct().count());
    }

    @Test
    void twoRunsGiveEqualResults() {
        Partnership p = realisticPartnership();
        assertEquals(run(strategy(), p), run(strategy(), p));
        assertEquals(run(strategy(), p), run(strategy(), realisticPartnership()));
    }

    @Test
    void resultDoesNotDependOnTheOrderOfTheEvidence() {
        Partnership p = realisticPartnership();
        StrategyResult expected = run(strategy(), p);
        for (long seed = 1; seed <= 4; seed++) {
            Partnership shuffled = shuffled(p, new Random(seed));
            assertEquals(expected, run(strategy(), shuffled, p.latestEvidence()), "shuffle " + seed);
        }
    }

    @Test
    void emptyPartnershipGivesNoOkScore() {
        Partnership empty = Partnership.builder("empty", "Empty", Riverbend.START).build();
        StrategyResult result = run(strategy(), empty, Riverbend.START);
        assertWithinContract(result);
        assertTrue(result.scores().stream().noneMatch(Score::isOk), "no made-up score");
    }

    /**
     * Returns whether the strategy judges the partnership's own definitions (its goals) rather than evidence about
     * what partners did; such a strategy may score a partnership that has goals but no evidence.
     *
     * @return {@code false} unless overridden
     */
    protected boolean judgesDefinitionsNotEvidence() {
        return false;
    }

    @Test
    void singlePartnerWithoutEvidenceGivesNoOkScore() {
        Partnership p = realisticPartnership();
        Partner only = p.partners().get(0);
        Partnership.Builder b = Partnership.builder(p.id(), p.name(), p.start()).partner(only);
        for (Goal g : p.goals()) {
            b.goal(withOwners(g, only.id()));
        }
        StrategyResult result = run(strategy(), b.build(), p.latestEvidence());
        assertWithinContract(result);
        if (!judgesDefinitionsNotEvidence()) {
            assertTrue(result.scores().stream().noneMatch(Score::isOk), "no made-up score");
        }
    }

    @Test
    void singlePartnerWithItsOwnEvidenceKeepsTheContract() {
        Partnership p = realisticPartnership();
        Partner only = p.partners().get(0);
        Partnership.Builder b = Partnership.builder(p.id(), p.name(), p.start()).partner(only);
        for (Goal g : p.goals()) {
            b.goal(withOwners(g, only.id()));
        }
        for (Priority pr : p.priorities()) {
            if (pr.partner().equals(only.id())) {
                b.priority(pr);
            }
        }
        for (EngagementSignal s : p.signals()) {
            if (s.source().equals(only.id()) && (s.target() == null || s.target().equals(only.id()))) {
                b.signal(s);
            }
        }
        p.measurements().forEach(b::measurement);
        StrategyResult result = run(strategy(), b.build(), p.latestEvidence());
        assertWithinContract(result);
        checkSinglePartner(result);
    }

    @Test
    void worksThroughExplicitRegistration() {
        Partnership p = realisticPartnership();
        Evaluation evaluation = Evaluator.builder().discover(false).register(provider()).build()
                .evaluate(p, p.latestEvidence());
        StrategyResult direct = strategy().score(context(p, p.latestEvidence(), EvaluationConfig.DEFAULT_SEED)
                .withSummaries(componentSummaries(evaluation)));
        assertEquals(direct.scores(), evaluation.scores(provider().id()));
        assertTrue(evaluation.warnings().containsAll(direct.warnings()));
    }

    @Test
    void worksThroughServiceLoaderDiscovery() {
        assertTrue(StrategyCatalog.discover().ids().contains(provider().id()),
                "discovered " + StrategyCatalog.discover().ids());
        boolean found = false;
        for (ScoringStrategyProvider sp : ServiceLoader.load(ScoringStrategyProvider.class)) {
            found |= sp.getClass() == provider().getClass();
        }
        assertTrue(found, "ServiceLoader finds " + provider().getClass().getName());

        Partnership p = realisticPartnership();
        Evaluation evaluation = Evaluator.builder()
                .config(EvaluationConfig.defaults().withEnabled(List.of(provider().id())))
                .build().evaluate(p, p.latestEvidence());
        assertEquals(strategy().score(context(p, p.latestEvidence(), EvaluationConfig.DEFAULT_SEED)
                .withSummaries(componentSummaries(evaluation))).scores(), evaluation.scores());
    }

    @Test
    void providerIsPublicStatelessAndConsistent() throws ReflectiveOperationException {
        ScoringStrategyProvider p = provider();
        assertTrue(Modifier.isPublic(p.getClass().getModifiers()));
        ScoringStrategyProvider fresh = p.getClass().getConstructor().newInstance();
        assertEquals(p.id(), fresh.id());
        assertFalse(p.description().isBlank());
        ScoringStrategy s = strategy();
        assertEquals(p.id(), s.id());
        assertEquals(p.dimension(), s.dimension());
        assertTrue(MODULE_STRATEGY_IDS.contains(p.id()));
    }

    @Test
    void unknownParameterIsRejectedWithItsLocation() {
        EvaluationConfig config = EvaluationConfig.defaults().withParameters(provider().id(), Map.of("noSuch", 1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Evaluator.builder().discover(false).register(provider()).config(config).build());
        String location = "/strategies/" + provider().id() + "/noSuch";
        assertTrue(e.problems().stream().anyMatch(pr -> pr.location().equals(location)), e.getMessage());
    }

    /**
     * Returns the same partnership with every list of evidence shuffled.
     *
     * @param p      the partnership
     * @param random the shuffle's randomness
     * @return the shuffled partnership
     */
    protected static Partnership shuffled(Partnership p, Random random) {
        return new Partnership(p.id(), p.name(), p.start(), shuffle(p.partners(), random),
                shuffle(p.goals(), random), shuffle(p.priorities(), random), shuffle(p.signals(), random),
                shuffle(p.ratings(), random), shuffle(p.surveys(), random), shuffle(p.measurements(), random),
                shuffle(p.instruments(), random));
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static Goal withOwners(Goal g, String owner) {
        List<String> owners = g.owners().contains(owner) ? List.of(owner) : List.of();
        return new Goal(g.id(), g.title(), g.indicator(), owners, g.deadline(), g.weight(), g.attainmentLevels());
    }
}
