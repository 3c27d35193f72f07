package dev.partnership.spi;

import dev.partnership.Score;
import dev.partnership.Warning;
import java.util.List;

/**
 * What one strategy produced: its scores and its warnings. Immutable and thread-safe.
 *
 * @param scores   the scores, in a deterministic order
 * @param warnings the warnings, in the order raised
 */
public record StrategyResult(List<Score> scores, List<Warning> warnings) {

    /** Copies the components. */
    public StrategyResult {
        scores = List.copyOf(scores);
        warnings = List.copyOf(warnings);
    }
}
