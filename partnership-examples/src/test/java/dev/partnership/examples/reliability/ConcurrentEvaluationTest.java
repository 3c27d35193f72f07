package dev.partnership.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.EvaluationJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 8 threads × 200 evaluations sharing one {@link Evaluator} and one dataset give, every one of them, the JSON of a
 * single-threaded run: the evaluator, the strategies and the partnership are immutable, and nothing an evaluation
 * computes is shared with another. Bootstrap and Monte Carlo sizes are lowered in the configuration so that 1,600
 * full evaluations stay fast; every strategy still runs.
 */
class ConcurrentEvaluationTest {
    private static final int THREADS = 8;
    private static final int EVALUATIONS_PER_THREAD = 200;

    @Test
    void eightThreadsTimesTwoHundredEvaluationsAreIdenticalToOne() throws Exception {
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        EvaluationConfig config = EvaluationConfig.defaults()
                .withParameters("effect-size", Map.of("bootstrapResamples", 100L))
                .withParameters("eigentrust", Map.of("bootstrapResamples", 20L))
                .withParameters("goal-attainment-scaling", Map.of("simulations", 100L))
                .withParameters("health-index", Map.of("draws", 1000L))
                .withParameters("kendall-w", Map.of("bootstrapResamples", 100L))
                .withParameters("network-structure", Map.of("bootstrapResamples", 100L))
                .withParameters("priority-similarity", Map.of("bootstrapResamples", 100L))
                .withParameters("target-attainment", Map.of("bootstrapResamples", 100L));
        Evaluator shared = Evaluator.builder().config(config).build();
        String expected = EvaluationJson.toJson(shared.evaluate(sample));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        Partnership dataset = sample;
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                int same = 0;
                for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
                    if (EvaluationJson.toJson(shared.evaluate(dataset)).equals(expected)) {
                        same++;
                    }
                }
                return same;
            }));
        }
        start.countDown();
        int identical = 0;
        for (Future<Integer> w : workers) {
            identical += w.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(THREADS * EVALUATIONS_PER_THREAD, identical, "evaluations identical to the single-threaded run");
    }
}
