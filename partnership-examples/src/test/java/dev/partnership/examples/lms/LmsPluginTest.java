package dev.partnership.examples.lms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluation;
import dev.partnership.Evaluator;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partnership;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.metrics.trust.IncrementalTrustSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LmsPluginTest {

    @Test
    void batchesOfStatementsGiveTheBatchStrategysTrust() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LmsPlugin plugin = LmsPlugin.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertTrue(buf.toString(StandardCharsets.UTF_8).startsWith("1757 signals received"), buf::toString);
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        Evaluation batch = Evaluator.builder().config(EvaluationConfig.defaults()
                .withEnabled(List.of("beta-reputation"))).build().evaluate(sample, SampleGenerator.END);
        IncrementalTrustSnapshot now = plugin.scores().result(SampleGenerator.END);
        int compared = 0;
        for (IncrementalTrustSnapshot.PairTrust pair : now.pairs()) {
            Score s = batch.score("beta-reputation", Subject.pair(pair.from(), pair.to())).orElseThrow();
            if (s.isOk()) {
                assertEquals(s.value(), pair.expectation(), 1e-9, pair::toString);
                assertEquals(s.value(), plugin.trust(pair.from(), pair.to(), SampleGenerator.END), 1e-9);
                compared++;
            }
        }
        assertTrue(compared > 20, "compared " + compared + " first-hand pairs");
        // the planted unreliable partner is the least trusted
        int keystone = plugin.scores().indexOf(SampleGenerator.UNRELIABLE_PARTNER);
        for (int p = 0; p < now.partners().size(); p++) {
            assertTrue(now.partnerTrust(keystone) <= now.partnerTrust(p));
        }
    }

    @Test
    void badBatchesAddNothingAndUnknownPartnersAreRefused() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LmsPlugin plugin = LmsPlugin.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        long before = plugin.scores().signalCount();
        assertThrows(InvalidDatasetException.class, () -> plugin.receive("[{\"actor\": 3}]"));
        assertEquals(before, plugin.scores().signalCount());
        LmsPlugin.BatchReport empty = plugin.receive("[]");
        assertEquals(0, empty.mapped());
        assertThrows(IllegalArgumentException.class, () -> plugin.trust("nobody", "rcc", SampleGenerator.END));
    }
}
