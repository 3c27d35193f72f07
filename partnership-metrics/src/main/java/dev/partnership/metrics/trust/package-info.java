/**
 * Trust strategies. Entry points, one provider per strategy:
 * {@link dev.partnership.metrics.trust.BetaReputationProvider} creates
 * {@link dev.partnership.metrics.trust.BetaReputation} ({@code beta-reputation}) and
 * {@link dev.partnership.metrics.trust.SubjectiveLogicProvider} creates
 * {@link dev.partnership.metrics.trust.SubjectiveLogic} ({@code subjective-logic}), both from engagement signals read
 * through {@link dev.partnership.metrics.trust.SignalEvidence}; {@link dev.partnership.metrics.trust.RatedTrustProvider}
 * creates {@code rated-trust} from partners' ratings. The Beta reputation arithmetic (expectation, credible interval,
 * forgetting, discounting) is in {@link dev.partnership.metrics.trust.BetaEvidence}; the subjective-logic opinion and
 * its operators (cumulative and averaging fusion, discounting) in {@link dev.partnership.metrics.trust.Opinion}.
 * For embedders, {@link dev.partnership.metrics.trust.IncrementalBetaReputation} keeps {@code beta-reputation}'s
 * first-hand evidence up to date one signal at a time (add, merge, result; no allocation per signal), with immutable
 * {@link dev.partnership.metrics.trust.IncrementalTrustSnapshot} results.
 */
package dev.partnership.metrics.trust;
