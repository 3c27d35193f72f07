package dev.partnership;

import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ParameterSpec;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.ScoringStrategyProvider;
import dev.partnership.spi.StrategyParameters;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Small strategies for testing the evaluator, the catalog and the evaluation format without the metrics module.
 * Each is a pure function of the evidence index, so evaluations built with them are deterministic.
 */
public final class TestStrategies {
    private TestStrategies() {
    }

    /**
     * A strategy whose scoring is a function.
     *
     * @param id        strategy id
     * @param dimension its dimension
     * @param body      computes the result from the context
     */
    public record FunctionStrategy(String id, Dimension dimension, Function<ScoringContext, StrategyResult> body)
            implements ScoringStrategy {
        /** Checks the components. */
        public FunctionStrategy {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public StrategyResult score(ScoringContext context) {
            return body.apply(context);
        }
    }

    /** The parts every test provider shares: id, dimension and parameters held as fields. */
    public abstract static class BaseProvider implements ScoringStrategyProvider {
        private final String id;
        private final Dimension dimension;
        private final List<ParameterSpec> parameters;

        /**
         * Creates the provider.
         *
         * @param id         strategy id
         * @param dimension  its dimension
         * @param parameters its parameters
         */
        protected BaseProvider(String id, Dimension dimension, List<ParameterSpec> parameters) {
            this.id = id;
            this.dimension = dimension;
            this.parameters = List.copyOf(parameters);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Dimension dimension() {
            return dimension;
        }

        @Override
        public String description() {
            return "Test strategy " + id + ".";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters;
        }

        /**
         * Returns a strategy of this provider's id and dimension.
         *
         * @param body computes the result
         * @return the strategy
         */
        protected ScoringStrategy strategy(Function<ScoringContext, StrategyResult> body) {
            return new FunctionStrategy(id, dimension, body);
        }
    }

    /**
     * {@code signal-count} (ENGAGEMENT): one partnership score whose value is the number of signals at or before
     * {@code asOf} times the parameter {@code scale}, normalized as {@code c / (c + 1)} with an interval.
     */
    public static final class SignalCountProvider extends BaseProvider {
        /** The strategy id. */
        public static final String ID = "signal-count";

        /** Creates the provider. */
        public SignalCountProvider() {
            super(ID, Dimension.ENGAGEMENT, List.of(ParameterSpec.number("scale", 1.0, 0, 10, "multiplier of the count")));
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            double scale = parameters.number("scale");
            return strategy(context -> {
                int count = context.evidence().signalCount();
                double normalized = count / (count + 1.0);
                Score s = Score.builder(ID, Dimension.ENGAGEMENT, Subject.partnership())
                        .value(count * scale)
                        .normalized(normalized)
                        .normalizedInterval(new Interval(normalized / 2, (1 + normalized) / 2, context.confidenceLevel()))
                        .n(count)
                        .explanation("the partners logged " + count + " signals")
                        .detail("count", count)
                        .detail("scale", scale)
                        .build();
                return new StrategyResult(List.of(s), List.of());
            });
        }
    }

    /**
     * {@code pair-trust} (TRUST): the beta-reputation expectation {@code (r + 1) / (r + s + 2)} per ordered pair
     * (target trusts source) from positive and negative signals, and their mean for the partnership.
     */
    public static final class PairTrustProvider extends BaseProvider {
        /** The strategy id. */
        public static final String ID = "pair-trust";

        /** Creates the provider. */
        public PairTrustProvider() {
            super(ID, Dimension.TRUST, List.of());
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            return strategy(PairTrustProvider::score);
        }

        private static StrategyResult score(ScoringContext context) {
            EvidenceIndex x = context.evidence();
            Map<String, double[]> rs = new TreeMap<>();
            for (int i = 0; i < x.signalCount(); i++) {
                if (x.signalTarget(i) == EvidenceIndex.NONE) {
                    continue;
                }
                String key = x.partnerId(x.signalTarget(i)) + "\u0000" + x.partnerId(x.signalSource(i));
                double[] c = rs.computeIfAbsent(key, k -> new double[2]);
                switch (x.signalKind(i).polarity()) {
                    case POSITIVE:
                        c[0] += 1;
                        break;
                    case NEGATIVE:
                        c[1] += 1;
                        break;
                    default:
                        c[x.signalValue(i) >= 0 ? 0 : 1] += Math.abs(x.signalValue(i));
                }
            }
            List<Score> scores = new ArrayList<>();
            double sum = 0;
            for (Map.Entry<String, double[]> e : rs.entrySet()) {
                String[] pair = e.getKey().split("\u0000");
                double r = e.getValue()[0];
                double s = e.getValue()[1];
                double expectation = (r + 1) / (r + s + 2);
                sum += expectation;
                scores.add(Score.builder(ID, Dimension.TRUST, Subject.pair(pair[0], pair[1]))
                        .value(expectation).normalized(expectation).n(r + s)
                        .detail("r", r).detail("s", s).build());
            }
            Score.Builder whole = Score.builder(ID, Dimension.TRUST, Subject.partnership());
            List<Warning> warnings = new ArrayList<>();
            if (scores.isEmpty()) {
                whole.insufficient("no directed signals");
                warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "no directed signals"));
            } else {
                double mean = sum / scores.size();
                whole.value(mean).normalized(mean).n(scores.size());
            }
            scores.add(whole.build());
            return new StrategyResult(scores, warnings);
        }
    }

    /** {@code always-thin} (IMPACT): always insufficient evidence, with a warning; declares one parameter of each type. */
    public static final class ThinProvider extends BaseProvider {
        /** The strategy id. */
        public static final String ID = "always-thin";

        /** Creates the provider. */
        public ThinProvider() {
            super(ID, Dimension.IMPACT, List.of(ParameterSpec.integer("minimum", 3L, 1, 100, "evidence needed"),
                    ParameterSpec.choice("mode", "strict", List.of("strict", "lenient"), "how picky"),
                    ParameterSpec.bool("verbose", false, "whether to explain"),
                    ParameterSpec.strings("tags", "labels")));
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            String reason = "needs " + parameters.integer("minimum") + " comparison groups";
            return strategy(context -> new StrategyResult(
                    List.of(Score.builder(ID, Dimension.IMPACT, Subject.partnership()).insufficient(reason).build()),
                    List.of(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason))));
        }
    }

    /** {@code broken} (ALIGNMENT): throws, as a strategy with a programming error would. */
    public static final class BrokenProvider extends BaseProvider {
        /** Creates the provider. */
        public BrokenProvider() {
            super("broken", Dimension.ALIGNMENT, List.of());
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            return strategy(context -> {
                throw new ArithmeticException("division by zero");
            });
        }
    }

    /** {@code discoverable} (HEALTH): found only through {@code discovery/ok/META-INF/services} in the test resources. */
    public static final class DiscoverableProvider extends BaseProvider {
        /** The strategy id. */
        public static final String ID = "discoverable";

        /** Creates the provider. */
        public DiscoverableProvider() {
            super(ID, Dimension.HEALTH, List.of());
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            return strategy(context -> new StrategyResult(List.of(), List.of()));
        }
    }

    /** Another class claiming the id {@code signal-count}, for the duplicate-id rule. */
    public static final class ImpostorSignalCountProvider extends BaseProvider {
        /** Creates the provider. */
        public ImpostorSignalCountProvider() {
            super(SignalCountProvider.ID, Dimension.ENGAGEMENT, List.of());
        }

        @Override
        public ScoringStrategy create(StrategyParameters parameters) {
            throw new UnsupportedOperationException("never created");
        }
    }
}
