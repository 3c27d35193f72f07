/**
 * Impact strategies. Entry point: {@link dev.partnership.metrics.impact.TargetAttainmentProvider}, which creates
 * {@link dev.partnership.metrics.impact.TargetAttainment} ({@code target-attainment}).
 */
package dev.partnership.metrics.impact;
