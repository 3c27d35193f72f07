/**
 * The custom-strategy example: {@link dev.partnership.examples.custom.CustomStrategyExample} shows a strategy from
 * another jar (the {@code partnership-example-strategy} module) found by {@link java.util.ServiceLoader} and run
 * beside the built-in ones.
 */
package dev.partnership.examples.custom;
