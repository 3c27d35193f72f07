/**
 * Partnership metrics: the scoring strategies. Entry points are the providers, found by
 * {@link java.util.ServiceLoader} or registered on {@link dev.partnership.Evaluator.Builder}:
 * {@link dev.partnership.metrics.trust.BetaReputationProvider} ({@code beta-reputation}),
 * {@link dev.partnership.metrics.alignment.KendallWProvider} ({@code kendall-w}) and
 * {@link dev.partnership.metrics.impact.TargetAttainmentProvider} ({@code target-attainment}).
 * {@code dev.partnership.metrics.stats} holds the statistics shared by several strategies.
 */
module dev.partnership.metrics {
    // Transitive: the exported API takes and returns core types (ScoringStrategy, Interval, StrategyResult).
    requires transitive dev.partnership.core;
    requires commons.math3;

    exports dev.partnership.metrics.trust;
    exports dev.partnership.metrics.alignment;
    exports dev.partnership.metrics.impact;
    exports dev.partnership.metrics.stats;

    provides dev.partnership.spi.ScoringStrategyProvider with
            dev.partnership.metrics.trust.BetaReputationProvider,
            dev.partnership.metrics.alignment.KendallWProvider,
            dev.partnership.metrics.impact.TargetAttainmentProvider;
}
