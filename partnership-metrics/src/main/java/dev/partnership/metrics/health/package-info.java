/**
 * The composite health index ({@code health-index}): one number for a partnership's health, the weighted mean of
 * the trust, alignment, impact, engagement and instrument summaries, with an interval propagated from theirs.
 * Entry point: {@link dev.partnership.metrics.health.HealthIndexProvider}.
 */
package dev.partnership.metrics.health;
