/**
 * Statistics shared by several strategies: the sample quantile rule ({@link dev.partnership.metrics.stats.Quantile},
 * Hyndman–Fan type 7), the seeded bootstrap with percentile and BCa intervals
 * ({@link dev.partnership.metrics.stats.Bootstrap}), the Student t interval for a mean
 * ({@link dev.partnership.metrics.stats.StudentTInterval}), the Wilson score interval for a proportion
 * ({@link dev.partnership.metrics.stats.WilsonInterval}), Cronbach's α with the Feldt interval
 * ({@link dev.partnership.metrics.stats.CronbachAlpha}), inequality and concentration indices (Gini, Theil, HHI;
 * {@link dev.partnership.metrics.stats.Inequality}), standardised mean differences (Cohen's d, Hedges' g, Glass's Δ)
 * with their variances ({@link dev.partnership.metrics.stats.EffectSizes}), least squares with standard errors and the
 * Durbin–Watson statistic ({@link dev.partnership.metrics.stats.OrdinaryLeastSquares}), the intraclass correlations of Shrout &amp; Fleiss with
 * their F-based intervals ({@link dev.partnership.metrics.stats.IntraclassCorrelation}), Krippendorff's α with missing
 * values at four levels of measurement ({@link dev.partnership.metrics.stats.KrippendorffAlpha}), clipping to [0, 1]
 * ({@link dev.partnership.metrics.stats.UnitInterval}), Beta quantiles for credible intervals
 * ({@link dev.partnership.metrics.stats.BetaQuantile}), a bit-reproducible exponential decay factor
 * ({@link dev.partnership.metrics.stats.ExponentialDecay}) and number wording for explanations
 * ({@link dev.partnership.metrics.stats.ExplanationNumbers}). Entry point:
 * {@link dev.partnership.metrics.stats.Bootstrap}.
 */
package dev.partnership.metrics.stats;
