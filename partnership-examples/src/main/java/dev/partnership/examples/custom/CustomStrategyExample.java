package dev.partnership.examples.custom;

import dev.partnership.Evaluation;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.StrategyCatalog;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.spi.ScoringStrategyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Runs a strategy that lives in its own jar. Write a {@link ScoringStrategyProvider} and its strategy against
 * {@code partnership-core} only, list the provider in the jar's
 * {@code META-INF/services/dev.partnership.spi.ScoringStrategyProvider} (and {@code provides} it in
 * {@code module-info.java} if the jar is a module), and put the jar on the class path: {@link StrategyCatalog} and
 * {@link Evaluator} find it with the built-in strategies, {@code partnership strategies} lists it, and a
 * configuration enables and parameterises it by id like any other. The {@code partnership-example-strategy}
 * module is such a jar, with {@code information-reciprocity}.
 *
 * <p>Run: {@code java -cp partnership.jar:partnership-example-strategy.jar
 * dev.partnership.examples.custom.CustomStrategyExample [STRATEGY-ID]}. Stateless.
 */
public final class CustomStrategyExample {
    /** The id of the example strategy in the {@code partnership-example-strategy} jar. */
    public static final String EXAMPLE_STRATEGY = "information-reciprocity";

    private CustomStrategyExample() {
    }

    /**
     * Finds a strategy by id among the discovered ones, evaluates the bundled sample with it alone, and prints
     * where it was loaded from and its partnership score.
     *
     * @param id  the strategy id
     * @param out where to print
     * @return the evaluation, or empty when no provider on the class path has the id
     * @throws IOException when the bundled sample cannot be read
     */
    public static Optional<Evaluation> run(String id, PrintStream out) throws IOException {
        Optional<ScoringStrategyProvider> provider = StrategyCatalog.discover().provider(id);
        if (provider.isEmpty()) {
            out.println("no strategy '" + id + "' on the class path; add its jar");
            return Optional.empty();
        }
        out.println(id + " found in " + provider.get().getClass().getProtectionDomain().getCodeSource().getLocation());
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        Evaluation evaluation = Evaluator.builder().config(EvaluationConfig.defaults().withEnabled(List.of(id)))
                .build().evaluate(sample);
        for (Score s : evaluation.scores()) {
            out.println(s.subject() + ": " + s.status() + (s.isOk() ? " " + s.value() : "") + " — "
                    + s.explanation());
        }
        return Optional.of(evaluation);
    }

    /**
     * Runs {@link #run} for the id given, or {@value #EXAMPLE_STRATEGY}.
     *
     * @param args {@code [STRATEGY-ID]}
     * @throws IOException when the bundled sample cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (run(args.length > 0 ? args[0] : EXAMPLE_STRATEGY, System.out).isEmpty()) {
            System.exit(2);
        }
    }
}
