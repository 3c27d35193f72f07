package dev.partnership.jmh;

import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation of the {@code large} Riverbend sample (50 partners, 1,000,000 signals, every strategy) on the calling
 * thread ({@code threads = 1}) against the same evaluator with an executor of two threads ({@code threads = 2}),
 * in the same run. The dataset is generated once per trial; each operation is one {@link Evaluator#evaluate}
 * (index and every strategy). {@code ParallelEvaluationBenchmarkTest} checks the two give equal evaluations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ParallelEvaluationBenchmark {
    /** Threads the strategies run on: 1 = the calling thread, no executor. */
    @Param({"1", "2"})
    public int threads;

    private Partnership large;
    private ExecutorService pool;
    private Evaluator evaluator;

    /** Generates the large sample and builds the evaluator. */
    @Setup(Level.Trial)
    public void setUp() {
        large = SampleGenerator.defaults().withSize(SampleGenerator.Size.LARGE).generate();
        pool = threads == 1 ? null : Executors.newFixedThreadPool(threads);
        evaluator = evaluator(pool);
    }

    /**
     * Returns the evaluator the benchmark measures: every discovered strategy, on the pool when there is one.
     *
     * @param pool the executor, or {@code null}
     * @return the evaluator
     */
    static Evaluator evaluator(ExecutorService pool) {
        return Evaluator.builder().executor(pool).build();
    }

    /** Stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /**
     * Evaluates the large sample once.
     *
     * @return the evaluation, consumed by JMH
     */
    @Benchmark
    public Evaluation evaluate() {
        return evaluator.evaluate(large);
    }
}
