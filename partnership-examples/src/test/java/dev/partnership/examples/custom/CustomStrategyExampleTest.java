package dev.partnership.examples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.Evaluation;
import dev.partnership.Score;
import dev.partnership.StrategyCatalog;
import dev.partnership.Subject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomStrategyExampleTest {

    @Test
    void strategyFromItsOwnJarIsDiscoveredAndRuns() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Optional<Evaluation> e = CustomStrategyExample.run(CustomStrategyExample.EXAMPLE_STRATEGY,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(e.isPresent(), out);
        // loaded from the partnership-example-strategy module, not from this one
        assertTrue(out.contains("partnership-example-strategy"), out);
        Score s = e.get().score(CustomStrategyExample.EXAMPLE_STRATEGY, Subject.partnership()).orElseThrow();
        assertTrue(s.isOk(), s::toString);
        assertTrue(s.value() > 0 && s.value() <= 1, s::toString);
        assertTrue(StrategyCatalog.discover().ids().contains("beta-reputation"), "the built-ins are still there");
    }

    @Test
    void unknownStrategyIsSaidPlainly() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertEquals(Optional.empty(), CustomStrategyExample.run("no-such-strategy",
                new PrintStream(buf, true, StandardCharsets.UTF_8)));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("no strategy 'no-such-strategy'"));
    }
}
