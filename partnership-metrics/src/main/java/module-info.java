/**
 * Partnership metrics: the scoring strategies. Entry points are the providers, found by
 * {@link java.util.ServiceLoader} or registered on {@link dev.partnership.Evaluator.Builder}.
 * Trust: {@link dev.partnership.metrics.trust.BetaReputationProvider} ({@code beta-reputation}),
 * {@link dev.partnership.metrics.trust.SubjectiveLogicProvider} ({@code subjective-logic}),
 * {@link dev.partnership.metrics.trust.RatedTrustProvider} ({@code rated-trust}),
 * {@link dev.partnership.metrics.network.EigenTrustProvider} ({@code eigentrust}),
 * {@link dev.partnership.metrics.network.NetworkStructureProvider} ({@code network-structure}),
 * {@link dev.partnership.metrics.network.CollaborationLevelsProvider} ({@code collaboration-levels}).
 * Alignment: {@link dev.partnership.metrics.alignment.KendallWProvider} ({@code kendall-w}),
 * {@link dev.partnership.metrics.alignment.PrioritySimilarityProvider} ({@code priority-similarity}),
 * {@link dev.partnership.metrics.alignment.RaterAgreementProvider} ({@code rater-agreement}),
 * {@link dev.partnership.metrics.alignment.GoalStructureProvider} ({@code goal-structure}).
 * Impact: {@link dev.partnership.metrics.impact.TargetAttainmentProvider} ({@code target-attainment}),
 * {@link dev.partnership.metrics.impact.GoalAttainmentScalingProvider} ({@code goal-attainment-scaling}),
 * {@link dev.partnership.metrics.impact.EffectSizeProvider} ({@code effect-size}),
 * {@link dev.partnership.metrics.impact.DifferenceInDifferencesProvider} ({@code difference-in-differences}),
 * {@link dev.partnership.metrics.impact.InterruptedTimeSeriesProvider} ({@code interrupted-time-series}).
 * Engagement: {@link dev.partnership.metrics.engagement.ParticipationProvider} ({@code participation}),
 * {@link dev.partnership.metrics.engagement.ParticipationEquityProvider} ({@code participation-equity}),
 * {@link dev.partnership.metrics.engagement.ResourceExchangeProvider} ({@code resource-exchange}),
 * {@link dev.partnership.metrics.engagement.CommunicationCadenceProvider} ({@code communication-cadence}).
 * Instruments: {@link dev.partnership.metrics.instrument.CollaborationFactorsProvider} ({@code collaboration-factors}).
 * Health: {@link dev.partnership.metrics.health.HealthIndexProvider} ({@code health-index}), the composite.
 * {@code dev.partnership.metrics.stats} holds the statistics shared by several strategies.
 */
module dev.partnership.metrics {
    // Transitive: the exported API takes and returns core types (ScoringStrategy, Interval, StrategyResult).
    requires transitive dev.partnership.core;
    requires commons.math3;

    exports dev.partnership.metrics.trust;
    exports dev.partnership.metrics.network;
    exports dev.partnership.metrics.alignment;
    exports dev.partnership.metrics.impact;
    exports dev.partnership.metrics.engagement;
    exports dev.partnership.metrics.instrument;
    exports dev.partnership.metrics.health;
    exports dev.partnership.metrics.stats;

    provides dev.partnership.spi.ScoringStrategyProvider with
            dev.partnership.metrics.trust.BetaReputationProvider,
            dev.partnership.metrics.trust.SubjectiveLogicProvider,
            dev.partnership.metrics.trust.RatedTrustProvider,
            dev.partnership.metrics.network.EigenTrustProvider,
            dev.partnership.metrics.network.NetworkStructureProvider,
            dev.partnership.metrics.network.CollaborationLevelsProvider,
            dev.partnership.metrics.alignment.KendallWProvider,
            dev.partnership.metrics.alignment.PrioritySimilarityProvider,
            dev.partnership.metrics.alignment.RaterAgreementProvider,
            dev.partnership.metrics.alignment.GoalStructureProvider,
            dev.partnership.metrics.impact.TargetAttainmentProvider,
            dev.partnership.metrics.impact.GoalAttainmentScalingProvider,
            dev.partnership.metrics.impact.EffectSizeProvider,
            dev.partnership.metrics.impact.DifferenceInDifferencesProvider,
            dev.partnership.metrics.impact.InterruptedTimeSeriesProvider,
            dev.partnership.metrics.engagement.ParticipationProvider,
            dev.partnership.metrics.engagement.ParticipationEquityProvider,
            dev.partnership.metrics.engagement.ResourceExchangeProvider,
            dev.partnership.metrics.engagement.CommunicationCadenceProvider,
            dev.partnership.metrics.instrument.CollaborationFactorsProvider,
            dev.partnership.metrics.health.HealthIndexProvider;
}
