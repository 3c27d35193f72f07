package dev.partnership.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.EvaluationJson;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ParallelEvaluationBenchmarkTest {

    @Test
    void twoThreadsGiveTheSameEvaluationAsOne() {
        // The small sample has every kind of evidence, so every strategy runs; the large one only adds volume.
        Partnership p = SampleGenerator.defaults().generate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertEquals(EvaluationJson.toJson(ParallelEvaluationBenchmark.evaluator(null).evaluate(p)),
                    EvaluationJson.toJson(ParallelEvaluationBenchmark.evaluator(pool).evaluate(p)));
        } finally {
            pool.shutdown();
        }
    }
}
