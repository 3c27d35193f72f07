/**
 * Statistics shared by several strategies: the sample quantile rule ({@link dev.partnership.metrics.stats.Quantile},
 * Hyndman–Fan type 7), the seeded bootstrap with percentile and BCa intervals ({@link dev.partnership.metrics.stats.Bootstrap}),
 * the Student t interval for a mean ({@link dev.partnership.metrics.stats.StudentTInterval}), clipping to [0, 1]
 * ({@link dev.partnership.metrics.stats.UnitInterval}) and number wording for explanations
 * ({@link dev.partnership.metrics.stats.ExplanationNumbers}). Entry point: {@link dev.partnership.metrics.stats.Bootstrap}.
 */
package dev.partnership.metrics.stats;
