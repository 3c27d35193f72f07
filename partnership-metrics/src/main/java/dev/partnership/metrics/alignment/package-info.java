/**
 * Alignment strategies. Entry point: {@link dev.partnership.metrics.alignment.KendallWProvider}, which creates
 * {@link dev.partnership.metrics.alignment.KendallW} ({@code kendall-w}); the concordance arithmetic is in
 * {@link dev.partnership.metrics.alignment.Concordance}.
 */
package dev.partnership.metrics.alignment;
