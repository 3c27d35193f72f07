package dev.partnership.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {
    private final ArgumentParser parser = ArgumentParser.forCommand("evaluate")
            .option("--format", "json|markdown")
            .option("--seed", "N")
            .flag("--sample")
            .positionals("DATASET", 1);

    private static String message(ArgumentParser p, String... args) {
        return assertThrows(UsageException.class, () -> p.parse(List.of(args))).getMessage();
    }

    @Test
    void parsesOptionsFlagsAndPositionals() throws UsageException {
        ArgumentParser.Arguments a = parser.parse(List.of("--format", "json", "data.json", "--sample"));
        assertEquals(Optional.of("json"), a.option("--format"));
        assertTrue(a.flag("--sample"));
        assertEquals(List.of("data.json"), a.positionals());
        assertEquals(Optional.empty(), a.option("--seed"));
    }

    @Test
    void acceptsEqualsFormNegativeNumbersAndDoubleDash() throws UsageException {
        ArgumentParser.Arguments a = parser.parse(List.of("--format=markdown", "--seed", "-5", "--", "--odd-name"));
        assertEquals(Optional.of("markdown"), a.option("--format"));
        assertEquals(Optional.of("-5"), a.option("--seed"));
        assertEquals(List.of("--odd-name"), a.positionals());
        assertFalse(a.flag("--sample"));
    }

    @Test
    void emptyArgumentsGiveNothing() throws UsageException {
        ArgumentParser.Arguments a = parser.parse(List.of());
        assertTrue(a.options().isEmpty());
        assertTrue(a.flags().isEmpty());
        assertTrue(a.positionals().isEmpty());
    }

    @Test
    void mistakesNameTheOption() {
        assertTrue(message(parser, "--colour", "red").contains("unknown option --colour for 'evaluate'"));
        assertTrue(message(parser, "--colour").contains("it accepts --format, --seed, --sample"));
        assertTrue(message(parser, "--format").contains("option --format needs a value (json|markdown)"));
        assertTrue(message(parser, "--format", "--sample").contains("option --format needs a value"));
        assertTrue(message(parser, "--format=").contains("option --format needs a value"));
        assertTrue(message(parser, "--format", "json", "--format", "json")
                .contains("--format is given more than once"));
        assertTrue(message(parser, "--sample", "--sample").contains("--sample is given more than once"));
        assertTrue(message(parser, "--sample=yes").contains("--sample takes no value"));
        assertTrue(message(parser, "-x").contains("unknown option -x"));
        assertTrue(message(parser, "a.json", "b.json").contains("at most 1 DATASET, found also 'b.json'"));
        assertTrue(message(ArgumentParser.forCommand("strategies"), "x").contains("'strategies' takes no arguments"));
        assertTrue(message(ArgumentParser.forCommand("strategies"), "--x").contains("it takes no options"));
    }

    @Test
    void isImmutable() throws UsageException {
        ArgumentParser base = ArgumentParser.forCommand("c");
        ArgumentParser more = base.flag("--on");
        assertTrue(more.parse(List.of("--on")).flag("--on"));
        assertThrows(UsageException.class, () -> base.parse(List.of("--on")));
        assertThrows(IllegalArgumentException.class, () -> base.flag("-x"));
        assertThrows(IllegalArgumentException.class, () -> base.positionals("X", -1));
    }
}
