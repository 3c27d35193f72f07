package dev.partnership;

/**
 * Hears how far a long evaluation has got, for progress bars and logs. An evaluation reports one step for building
 * the evidence index and one per strategy, in the order they run; a trend reports the steps of every date in turn,
 * so {@code total} is the number of steps of the whole call.
 *
 * <p>Called on the evaluating thread, after each step; {@code done} rises from 1 to {@code total}. An
 * implementation should return quickly. Throwing from {@link #onProgress} abandons the evaluation: the exception
 * reaches the caller of {@code evaluate} unchanged, so a listener can cancel a long run (for example with
 * {@link java.util.concurrent.CancellationException}). Implementations used by several evaluations at once must be
 * thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (step, done, total) -> {
    };

    /**
     * Reports that a step has finished.
     *
     * @param step  what finished: {@code "index"} for the evidence index, else a strategy id
     * @param done  steps finished so far, at least 1
     * @param total steps in the whole call
     */
    void onProgress(String step, int done, int total);
}
