/**
 * The scoring service-provider interface. Entry point: {@link dev.partnership.spi.ScoringStrategyProvider},
 * which creates a {@link dev.partnership.spi.ScoringStrategy} that reads the columnar
 * {@link dev.partnership.spi.EvidenceIndex} through a {@link dev.partnership.spi.ScoringContext}.
 */
package dev.partnership.spi;
