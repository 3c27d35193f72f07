package dev.partnership;

import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Evaluates partnerships with a fixed set of configured scoring strategies.
 *
 * <p>An evaluation builds the {@link EvidenceIndex} once, runs every enabled strategy on it in id order, and
 * summarises each dimension ({@link DimensionSummary#combine}). Composite strategies
 * ({@link ScoringStrategy#readsSummaries()}, such as {@code health-index}) run in a second stage, after those
 * summaries exist, and their dimension is summarised from their own scores. Scores and warnings are reported in
 * strategy-id order whatever the stage. The same partnership, {@code asOf} and
 * configuration give an equal {@link Evaluation}, whose JSON is byte-identical.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.builder().config(EvaluationConfig.defaults()).build();
 * Evaluation evaluation = evaluator.evaluate(partnership);
 * }</pre>
 *
 * <p>Immutable and thread-safe: one evaluator may serve many threads at once.
 */
public final class Evaluator {
    /** The program name written in {@code generator.name}. */
    public static final String GENERATOR_NAME = "partnership";
    /** This library's version, written in {@code generator.version}. */
    public static final String VERSION = loadVersion();

    private final EvaluationConfig config;
    private final List<ScoringStrategy> strategies;
    private final Evaluation.Generator generator;
    private final Executor executor;

    private Evaluator(EvaluationConfig config, List<ScoringStrategy> strategies, Evaluation.Generator generator,
                      Executor executor) {
        this.config = config;
        this.strategies = List.copyOf(strategies);
        this.generator = generator;
        this.executor = executor;
    }

    private static String loadVersion() {
        Properties p = new Properties();
        try (InputStream in = Evaluator.class.getResourceAsStream("partnership-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /**
     * Returns a builder with default configuration and {@link java.util.ServiceLoader} discovery on.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the configuration this evaluator was built with.
     *
     * @return the configuration
     */
    public EvaluationConfig config() {
        return config;
    }

    /**
     * Returns the strategies that run, in id order.
     *
     * @return the strategies
     */
    public List<ScoringStrategy> strategies() {
        return strategies;
    }

    /**
     * Evaluates as of the partnership's latest evidence ({@link Partnership#latestEvidence()}).
     *
     * @param partnership the partnership
     * @return the evaluation
     */
    public Evaluation evaluate(Partnership partnership) {
        return evaluate(partnership, partnership.latestEvidence());
    }

    /**
     * Evaluates counting only evidence at or before {@code asOf}. Cost: O(n log n) to index n pieces of evidence,
     * plus each strategy's own cost.
     *
     * @param partnership the partnership
     * @param asOf        the evaluation time
     * @return the evaluation
     * @throws IllegalStateException when a strategy fails (a programming error in that strategy)
     */
    public Evaluation evaluate(Partnership partnership, Instant asOf) {
        return evaluate(partnership, asOf, ProgressListener.NONE);
    }

    /**
     * Evaluates as {@link #evaluate(Partnership, Instant)} does, reporting each step to a listener: the evidence
     * index, then every strategy in the order it ran ({@link #steps()} steps in all).
     *
     * @param partnership the partnership
     * @param asOf        the evaluation time
     * @param listener    hears each finished step; what it throws abandons the evaluation
     * @return the evaluation
     * @throws IllegalStateException when a strategy fails (a programming error in that strategy)
     */
    public Evaluation evaluate(Partnership partnership, Instant asOf, ProgressListener listener) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(listener, "listener");
        return evaluate(partnership, asOf, listener, 0, steps());
    }

    /**
     * Returns the number of progress steps of one evaluation: one for the evidence index and one per strategy.
     *
     * @return the step count
     */
    public int steps() {
        return 1 + strategies.size();
    }

    private Evaluation evaluate(Partnership partnership, Instant asOf, ProgressListener listener, int before,
                                int total) {
        EvidenceIndex index = EvidenceIndex.of(partnership, asOf);
        int[] done = {before + 1};
        listener.onProgress("index", done[0], total);
        ScoringContext context = new ScoringContext(partnership, index, asOf, config.confidenceLevel(), config.seed(),
                config.minCellSize(), ScoringContext.weightsOf(config), Map.of());
        List<Score> scores = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        int after = index.signalsAfterAsOf() + index.ratingsAfterAsOf() + index.measurementsAfterAsOf();
        if (after > 0) {
            warnings.add(new Warning(Warning.EVIDENCE_AFTER_AS_OF, null, String.format(Locale.ROOT,
                    "%d signals, %d ratings and %d measurements dated after %s were not counted",
                    index.signalsAfterAsOf(), index.ratingsAfterAsOf(), index.measurementsAfterAsOf(), asOf)));
        }
        // Stage one: every ordinary strategy; stage two: composites, which read the summaries of stage one.
        StrategyResult[] results = new StrategyResult[strategies.size()];
        if (executor == null) {
            for (int i = 0; i < results.length; i++) {
                if (!strategies.get(i).readsSummaries()) {
                    results[i] = run(strategies.get(i), context, partnership);
                    listener.onProgress(strategies.get(i).id(), ++done[0], total);
                }
            }
        } else {
            runInParallel(results, context, partnership, listener, done, total);
        }
        List<Warning> summaryWarnings = new ArrayList<>();
        Map<Dimension, DimensionSummary> summary = summarise(results, false, summaryWarnings);
        ScoringContext composite = context.withSummaries(summary);
        for (int i = 0; i < results.length; i++) {
            if (strategies.get(i).readsSummaries()) {
                results[i] = run(strategies.get(i), composite, partnership);
                listener.onProgress(strategies.get(i).id(), ++done[0], total);
            }
        }
        summary.putAll(summarise(results, true, summaryWarnings));
        for (StrategyResult result : results) {
            scores.addAll(result.scores());
            warnings.addAll(result.warnings());
        }
        warnings.addAll(summaryWarnings);
        return new Evaluation(partnership.id(), asOf, generator, scores, summary, warnings);
    }

    /**
     * Evaluates at several dates and returns the trend: each evaluation, and the change of every score and summary
     * from one date to the next ({@link Trend}). Cost: one {@link #evaluate(Partnership, Instant)} per date.
     *
     * @param partnership the partnership
     * @param asOfs       the evaluation times, at least one, strictly increasing
     * @return the trend
     * @throws IllegalArgumentException when {@code asOfs} is empty or does not increase strictly
     * @throws IllegalStateException    when a strategy fails (a programming error in that strategy)
     */
    public Trend evaluateTrend(Partnership partnership, List<Instant> asOfs) {
        return evaluateTrend(partnership, asOfs, ProgressListener.NONE);
    }

    /**
     * Evaluates a trend as {@link #evaluateTrend(Partnership, List)} does, reporting the steps of every date in
     * turn to a listener ({@link #steps()} per date).
     *
     * @param partnership the partnership
     * @param asOfs       the evaluation times, at least one, strictly increasing
     * @param listener    hears each finished step; what it throws abandons the evaluation
     * @return the trend
     * @throws IllegalArgumentException when {@code asOfs} is empty or does not increase strictly
     * @throws IllegalStateException    when a strategy fails (a programming error in that strategy)
     */
    public Trend evaluateTrend(Partnership partnership, List<Instant> asOfs, ProgressListener listener) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(listener, "listener");
        if (asOfs.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one asOf date");
        }
        for (int i = 1; i < asOfs.size(); i++) {
            if (!asOfs.get(i - 1).isBefore(asOfs.get(i))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "asOf dates must increase strictly: %s is followed by %s", asOfs.get(i - 1), asOfs.get(i)));
            }
        }
        List<Evaluation> evaluations = new ArrayList<>();
        int total = steps() * asOfs.size();
        for (Instant asOf : asOfs) {
            evaluations.add(evaluate(partnership, Objects.requireNonNull(asOf, "asOf"), listener,
                    steps() * evaluations.size(), total));
        }
        return Trend.of(evaluations);
    }

    /**
     * Runs the stage-one strategies as tasks on the executor, submitted in id order; each result goes to its
     * strategy's slot, so the evaluation does not depend on which finishes first.
     * Progress is reported on the calling thread, in id order, as results are collected.
     */
    private void runInParallel(StrategyResult[] results, ScoringContext context, Partnership partnership,
                               ProgressListener listener, int[] done, int total) {
        List<CompletableFuture<StrategyResult>> tasks = new ArrayList<>();
        for (ScoringStrategy strategy : strategies) {
            tasks.add(strategy.readsSummaries() ? null
                    : CompletableFuture.supplyAsync(() -> run(strategy, context, partnership), executor));
        }
        try {
            for (int i = 0; i < results.length; i++) {
                if (tasks.get(i) != null) {
                    results[i] = join(tasks.get(i));
                    listener.onProgress(strategies.get(i).id(), ++done[0], total);
                }
            }
        } finally {
            // A failure or a cancelling listener abandons the evaluation: tasks not yet started need not run.
            for (CompletableFuture<StrategyResult> task : tasks) {
                if (task != null) {
                    task.cancel(false);
                }
            }
        }
    }

    private static StrategyResult join(CompletableFuture<StrategyResult> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    private static StrategyResult run(ScoringStrategy strategy, ScoringContext context, Partnership partnership) {
        try {
            return strategy.score(context);
        } catch (RuntimeException e) {
            throw new IllegalStateException("strategy '" + strategy.id() + "' failed on partnership '"
                    + partnership.id() + "': " + e.getMessage(), e);
        }
    }

    /** Summarises the dimensions of the strategies of one stage (composites or not), warning of missing intervals. */
    private Map<Dimension, DimensionSummary> summarise(StrategyResult[] results, boolean composites,
                                                       List<Warning> warnings) {
        Map<Dimension, List<Score>> byDimension = new EnumMap<>(Dimension.class);
        for (int i = 0; i < results.length; i++) {
            ScoringStrategy strategy = strategies.get(i);
            if (strategy.readsSummaries() == composites) {
                byDimension.computeIfAbsent(strategy.dimension(), d -> new ArrayList<>()).addAll(results[i].scores());
            }
        }
        Map<Dimension, DimensionSummary> summary = new EnumMap<>(Dimension.class);
        byDimension.forEach((d, list) -> DimensionSummary.combine(list, config.confidenceLevel()).ifPresent(s -> {
            summary.put(d, s);
            if (s.interval() == null) {
                warnings.add(new Warning(Warning.NO_INTERVAL, null,
                        d + " summary has no interval: a contributing score has no normalized interval"));
            }
        }));
        return summary;
    }

    /**
     * Configures an {@link Evaluator}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private EvaluationConfig config = EvaluationConfig.defaults();
        private final List<ScoringStrategyProvider> registered = new ArrayList<>();
        private boolean discover = true;
        private String generatorName = GENERATOR_NAME;
        private String generatorVersion = VERSION;
        private Executor executor;

        private Builder() {
        }

        /**
         * Runs the strategies of each evaluation as independent tasks on an executor the caller owns, so that an
         * evaluation uses several cores. The output is identical to a sequential run: every strategy is a pure
         * function of the evidence index, which is built once and only read, and results are put together in id
         * order whatever order the tasks finish in. The evaluating thread waits for the tasks, so do not call
         * {@code evaluate} from a task of the same bounded executor. The executor is not shut down by the library.
         *
         * @param tasks the executor, or {@code null} to run every strategy on the calling thread (the default)
         * @return this builder
         */
        public Builder executor(Executor tasks) {
            this.executor = tasks;
            return this;
        }

        /**
         * Sets the configuration.
         *
         * @param evaluationConfig the configuration
         * @return this builder
         */
        public Builder config(EvaluationConfig evaluationConfig) {
            this.config = Objects.requireNonNull(evaluationConfig, "config");
            return this;
        }

        /**
         * Registers a provider explicitly, in addition to any discovered.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder register(ScoringStrategyProvider provider) {
            registered.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Turns {@link java.util.ServiceLoader} discovery on (the default) or off.
         *
         * @param enabled whether to discover providers
         * @return this builder
         */
        public Builder discover(boolean enabled) {
            this.discover = enabled;
            return this;
        }

        /**
         * Sets what {@code generator} the evaluations name (default {@code partnership} and this library's
         * version), for applications that embed the library under their own name.
         *
         * @param name    program name
         * @param version program version
         * @return this builder
         */
        public Builder generator(String name, String version) {
            this.generatorName = Objects.requireNonNull(name, "name");
            this.generatorVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Returns the catalog this builder would use: discovered providers (when on) and registered ones.
         *
         * @return the catalog
         * @throws IllegalStateException when two providers share an id
         */
        public StrategyCatalog catalog() {
            StrategyCatalog base = discover ? StrategyCatalog.discover() : StrategyCatalog.of(List.of());
            return base.with(registered);
        }

        /**
         * Checks the configuration against the available strategies and builds the evaluator.
         *
         * @return the evaluator
         * @throws InvalidConfigException when the configuration enables an unknown strategy, configures one that is
         *                                not available, or gives a parameter it does not accept
         * @throws IllegalStateException  when two providers share an id
         */
        public Evaluator build() {
            StrategyCatalog catalog = catalog();
            List<Problem> problems = new ArrayList<>();
            if (config.enabled() != null) {
                int i = 0;
                for (String id : config.enabled()) {
                    if (catalog.provider(id).isEmpty()) {
                        problems.add(new Problem("/enabled/" + i, unknownStrategy(id, catalog)));
                    }
                    i++;
                }
            }
            for (String id : config.strategies().keySet()) {
                if (catalog.provider(id).isEmpty()) {
                    problems.add(new Problem("/strategies/" + dev.partnership.internal.JsonPointers.escape(id),
                            unknownStrategy(id, catalog)));
                }
            }
            List<ScoringStrategy> strategies = new ArrayList<>();
            for (ScoringStrategyProvider provider : catalog.providers()) {
                boolean on = config.enabled() == null || config.enabled().contains(provider.id());
                Map<String, Object> raw = config.strategies().getOrDefault(provider.id(), Map.of());
                try {
                    StrategyParameters parameters = StrategyParameters.of(provider.id(), provider.parameters(), raw);
                    if (on) {
                        strategies.add(provider.create(parameters));
                    }
                } catch (InvalidConfigException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(null, problems);
            }
            return new Evaluator(config, strategies, new Evaluation.Generator(generatorName, generatorVersion),
                    executor);
        }

        private static String unknownStrategy(String id, StrategyCatalog catalog) {
            return String.format(Locale.ROOT, "unknown strategy '%s'; available: %s", id,
                    catalog.ids().isEmpty() ? "none" : String.join(", ", catalog.ids()));
        }
    }
}
