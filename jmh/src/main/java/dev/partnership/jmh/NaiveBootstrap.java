package dev.partnership.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The baseline for {@link BootstrapBenchmark}: a BCa bootstrap of Hedges' g written the straightforward way. The
 * groups are {@code List<Double>}; every resample fills a new {@link DescriptiveStatistics} per group from the
 * boxed values and takes g from their means and variances (J recomputed from the degrees of freedom each time);
 * the jackknife builds the two groups' leave-one-out lists and statistics the same way; the quantiles come from
 * Commons Math's {@link Percentile} with the R-7 rule.
 *
 * <p>It draws the resamples exactly as the library's default sequential scheme does (one
 * {@code new SplittableRandom(seed)}, per resample {@code nextInt(n₁)} n₁ times for group 1, then
 * {@code nextInt(n₂)} n₂ times for group 2), so it computes the same interval up to rounding (Commons Math's
 * corrected two-pass mean and variance); {@code NaiveBootstrapTest} checks that. Stateless and thread-safe.
 */
public final class NaiveBootstrap {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private NaiveBootstrap() {
    }

    /**
     * The interval and the BCa constants.
     *
     * @param low            lower bound
     * @param high           upper bound
     * @param biasCorrection z₀
     * @param acceleration   a
     */
    public record Result(double low, double high, double biasCorrection, double acceleration) {
    }

    /**
     * Returns the BCa interval of Hedges' g of group 1 against group 2.
     *
     * @param group1    group 1's values
     * @param group2    group 2's values
     * @param resamples number of resamples
     * @param level     interval level in (0, 1)
     * @param seed      seed of the random stream
     * @return the result
     */
    public static Result bcaHedgesG(List<Double> group1, List<Double> group2, int resamples, double level,
                                    long seed) {
        double estimate = hedgesG(statistics(group1), statistics(group2));
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> replicates = new ArrayList<>();
        for (int b = 0; b < resamples; b++) {
            DescriptiveStatistics s1 = new DescriptiveStatistics();
            for (int i = 0; i < group1.size(); i++) {
                s1.addValue(group1.get(random.nextInt(group1.size())));
            }
            DescriptiveStatistics s2 = new DescriptiveStatistics();
            for (int i = 0; i < group2.size(); i++) {
                s2.addValue(group2.get(random.nextInt(group2.size())));
            }
            double g = hedgesG(s1, s2);
            if (Double.isFinite(g)) {
                replicates.add(g);
            }
        }
        List<Double> jackknife = new ArrayList<>();
        for (int left = 0; left < group1.size(); left++) {
            List<Double> rest = new ArrayList<>(group1);
            rest.remove(left);
            jackknife.add(hedgesG(statistics(rest), statistics(group2)));
        }
        for (int left = 0; left < group2.size(); left++) {
            List<Double> rest = new ArrayList<>(group2);
            rest.remove(left);
            jackknife.add(hedgesG(statistics(group1), statistics(rest)));
        }

        int valid = replicates.size();
        double below = 0;
        for (Double r : replicates) {
            if (r < estimate) {
                below++;
            } else if (r == estimate) {
                below += 0.5;
            }
        }
        double edge = 0.5 / valid;
        double z0 = STANDARD_NORMAL.inverseCumulativeProbability(Math.min(1 - edge, Math.max(edge, below / valid)));
        double a = acceleration(jackknife);
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 - level) / 2);
        double pLow = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 + z) / (1 - a * (z0 + z)));
        double pHigh = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 - z) / (1 - a * (z0 - z)));
        double[] sorted = replicates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double low = percentile.evaluate(sorted, pLow * 100);
        double high = percentile.evaluate(sorted, pHigh * 100);
        return new Result(low, high, z0, a);
    }

    private static DescriptiveStatistics statistics(List<Double> values) {
        DescriptiveStatistics s = new DescriptiveStatistics();
        for (Double v : values) {
            s.addValue(v);
        }
        return s;
    }

    /** Hedges' g with the exact J: J·(m₁ − m₂)/s_p. */
    private static double hedgesG(DescriptiveStatistics s1, DescriptiveStatistics s2) {
        long n1 = s1.getN();
        long n2 = s2.getN();
        double df = n1 + n2 - 2;
        double pooled = Math.sqrt(((n1 - 1) * s1.getVariance() + (n2 - 1) * s2.getVariance()) / df);
        double j = Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
        return pooled > 0 ? j * (s1.getMean() - s2.getMean()) / pooled : Double.NaN;
    }

    private static double acceleration(List<Double> jackknife) {
        double mean = 0;
        for (Double v : jackknife) {
            mean += v;
        }
        mean /= jackknife.size();
        double squares = 0;
        double cubes = 0;
        for (Double v : jackknife) {
            double d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }
        return squares > 0 ? cubes / (6 * Math.pow(squares, 1.5)) : 0;
    }
}
