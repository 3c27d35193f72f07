/**
 * Impact strategies: what the partnership achieved on its goals' indicators.
 *
 * <p>Entry points are the providers, found by {@link java.util.ServiceLoader}:
 * <ul>
 *   <li>{@link dev.partnership.metrics.impact.TargetAttainmentProvider} creates
 *       {@link dev.partnership.metrics.impact.TargetAttainment} ({@code target-attainment}): progress from baseline
 *       to target per goal and weighted over goals, against the progress expected by the deadline.</li>
 *   <li>{@link dev.partnership.metrics.impact.GoalAttainmentScalingProvider} creates
 *       {@link dev.partnership.metrics.impact.GoalAttainmentScaling} ({@code goal-attainment-scaling}): each goal's
 *       attainment level −2 … +2 and the weighted Goal Attainment Scaling T-score (Kiresuk &amp; Sherman 1968).</li>
 *   <li>{@link dev.partnership.metrics.impact.EffectSizeProvider} creates
 *       {@link dev.partnership.metrics.impact.EffectSize} ({@code effect-size}): Hedges' g, Cohen's d and Glass's Δ
 *       of the partnership group against the comparison group (formulas in
 *       {@link dev.partnership.metrics.stats.EffectSizes}).</li>
 *   <li>{@link dev.partnership.metrics.impact.DifferenceInDifferencesProvider} creates
 *       {@link dev.partnership.metrics.impact.DifferenceInDifferences} ({@code difference-in-differences}): the change
 *       in the partnership group minus the change in the comparison group around the partnership's start.</li>
 *   <li>{@link dev.partnership.metrics.impact.InterruptedTimeSeriesProvider} creates
 *       {@link dev.partnership.metrics.impact.InterruptedTimeSeries} ({@code interrupted-time-series}): segmented
 *       regression of the partnership group's series, level and slope change at the start.</li>
 * </ul>
 *
 * <p>The strategies are immutable and thread-safe.
 */
package dev.partnership.metrics.impact;
