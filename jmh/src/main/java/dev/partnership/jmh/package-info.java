/**
 * JMH benchmarks of the scoring hot paths, each against a baseline or peer in the same run. Entry points:
 * {@link dev.partnership.jmh.BetaReputationBenchmark} (behavioural trust over 1,000,000 signals against a naive
 * baseline) and {@link dev.partnership.jmh.EigenTrustBenchmark} (global trust on 100,000 partners against JGraphT's
 * PageRank), {@link dev.partnership.jmh.IncrementalUpdateBenchmark} (one signal into the incremental scorer),
 * {@link dev.partnership.jmh.BootstrapBenchmark} (BCa resamples of Hedges' g against a boxed baseline, 1 and 2
 * threads), {@link dev.partnership.jmh.ParallelEvaluationBenchmark} (the large sample on 1 and 2 threads) and
 * {@link dev.partnership.jmh.ScalingBenchmark} (cost against size, plotted by {@link dev.partnership.jmh.ScalingPlot}).
 * Run with
 * {@code java -jar jmh/target/benchmarks.jar}; results and commands are recorded in {@code jmh/README.md}.
 */
package dev.partnership.jmh;
