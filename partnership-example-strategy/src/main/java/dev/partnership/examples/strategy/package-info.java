/**
 * A custom scoring strategy shipped in its own jar: {@link dev.partnership.examples.strategy.InformationReciprocity}
 * ({@code information-reciprocity}), found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.partnership.spi.ScoringStrategyProvider} when the jar is on the class path. Entry
 * point: {@link dev.partnership.examples.strategy.InformationReciprocityProvider}.
 */
package dev.partnership.examples.strategy;
