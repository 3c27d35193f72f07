/**
 * Scoring of survey instruments described as data (built-in or declared by the dataset): factor and category
 * means with intervals and bands, reliability (Cronbach's α) and change between waves, with small cells
 * suppressed for respondents' privacy. Entry point: {@link dev.partnership.metrics.instrument.CollaborationFactors}
 * (id {@code collaboration-factors}), provided by
 * {@link dev.partnership.metrics.instrument.CollaborationFactorsProvider}.
 *
 * <p>The strategies are immutable and thread-safe; their scores feed the INSTRUMENT summary.
 */
package dev.partnership.metrics.instrument;
