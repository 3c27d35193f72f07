/**
 * Trust strategies. Entry point: {@link dev.partnership.metrics.trust.BetaReputationProvider}, which creates
 * {@link dev.partnership.metrics.trust.BetaReputation} ({@code beta-reputation}); the Beta reputation arithmetic
 * (expectation, credible interval, forgetting, discounting) is in {@link dev.partnership.metrics.trust.BetaEvidence}.
 */
package dev.partnership.metrics.trust;
