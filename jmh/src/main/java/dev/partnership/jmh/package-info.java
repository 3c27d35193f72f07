/**
 * JMH benchmarks of the scoring hot paths, each against a baseline or peer in the same run. Entry point:
 * {@link dev.partnership.jmh.BetaReputationBenchmark}. Run with
 * {@code java -jar jmh/target/benchmarks.jar}; results and commands are recorded in {@code jmh/README.md}.
 */
package dev.partnership.jmh;
