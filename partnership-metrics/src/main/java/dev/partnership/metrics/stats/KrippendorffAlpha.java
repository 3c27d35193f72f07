package dev.partnership.metrics.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Krippendorff's α, the agreement of coders who assign values to units, with missing values allowed
 * (Krippendorff, K. (2011), "Computing Krippendorff's alpha-reliability", Annenberg School for Communication,
 * University of Pennsylvania, departmental paper 43; Hayes, A. F. and Krippendorff, K. (2007), "Answering the call
 * for a standard reliability measure for coding data", <i>Communication Methods and Measures</i> 1(1), 77–89).
 *
 * <p><b>Coincidences.</b> Reliability data are coders × units; a unit u with m_u ≥ 2 values is pairable and
 * contributes each ordered pair of its values from different coders, weighted {@code 1/(m_u − 1)}, to the
 * coincidence matrix {@code o_ck}; units with fewer than 2 values are dropped ({@link Coincidences}). Marginals
 * {@code n_c = Σ_k o_ck} count the pairable values equal to c, {@code n = Σ_c n_c}.
 *
 * <p><b>α</b> = 1 − D_o/D_e with {@code D_o = (1/n) Σ_c Σ_k o_ck δ²_ck} and
 * {@code D_e = (1/(n(n − 1))) Σ_c Σ_k n_c n_k δ²_ck}, computed as
 * {@code 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck}. The difference function δ² depends on the {@link Level}:
 * nominal {@code 0} if c = k else {@code 1}; ordinal {@code (Σ_{g=c..k} n_g − (n_c + n_k)/2)²} over the distinct
 * values g from c to k in order; interval {@code (c − k)²}; ratio {@code ((c − k)/(c + k))²} (values must be
 * non-negative; 0 when c = k = 0). α = 1 is perfect agreement, 0 agreement at the level of chance, negative
 * values systematic disagreement. Example (Wikipedia's 3 coders × 15 units): nominal α = 0.691358, interval
 * α = 0.810845.
 *
 * <p><b>Undefined α</b> ({@code NaN}): no pairable values, or no expected disagreement (every pairable value equal,
 * D_e = 0). No interval is computed here: Krippendorff's own interval is a bootstrap of the coincidences (Hayes
 * &amp; Krippendorff 2007), which this class does not implement.
 *
 * <p><b>Cost.</b> O(N log N + Σ_u m_u² + V²) time and O(V²) memory for N values of which V are distinct.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level                the level of measurement
 * @param alpha                α, at most 1, or {@code NaN} when undefined
 * @param observedDisagreement D_o, or {@code NaN} when there are no pairable values
 * @param expectedDisagreement D_e, or {@code NaN} when there are fewer than 2 pairable values
 * @param pairableValues       n, the number of values in pairable units
 * @param pairableUnits        the number of units with at least 2 values
 */
public record KrippendorffAlpha(Level level, double alpha, double observedDisagreement, double expectedDisagreement,
                                int pairableValues, int pairableUnits) {

    /** Validates the components. */
    public KrippendorffAlpha {
        Objects.requireNonNull(level, "level");
        if (alpha > 1 || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be at most 1 and not infinite, was " + alpha);
        }
        if (pairableValues < 0 || pairableUnits < 0 || pairableValues < 2 * pairableUnits) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a pairable unit holds at least 2 values; had %d values in %d units", pairableValues,
                    pairableUnits));
        }
    }

    /**
     * Returns whether α is defined on the data.
     *
     * @return {@code true} when α is not {@code NaN}
     */
    public boolean isDefined() {
        return !Double.isNaN(alpha);
    }

    /** Levels of measurement, each with its difference function δ² (Krippendorff 2011). */
    public enum Level {
        /** Categories without order: any two different values disagree equally. */
        NOMINAL("nominal"),
        /** Ordered values: the difference grows with how many values lie between two values. */
        ORDINAL("ordinal"),
        /** Equal steps: the squared difference of the values. */
        INTERVAL("interval"),
        /** Values with a true zero: the squared difference relative to the sum. */
        RATIO("ratio");

        private final String id;

        Level(String id) {
            this.id = id;
        }

        /**
         * Returns the lower-case name used in configurations, for example {@code interval}.
         *
         * @return the id
         */
        public String id() {
            return id;
        }

        /**
         * Returns the level with an id.
         *
         * @param id {@code nominal}, {@code ordinal}, {@code interval} or {@code ratio}
         * @return the level
         * @throws IllegalArgumentException when no level has that id
         */
        public static Level ofId(String id) {
            for (Level l : values()) {
                if (l.id.equals(id)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("no level of measurement is called '" + id + "'");
        }
    }

    /**
     * Computes α at a level of measurement.
     *
     * @param byCoder {@code byCoder[coder][unit]}: at least 2 coders, rows of the same length, at least one unit;
     *                {@code NaN} marks a missing value, every other value is finite
     * @param level   the level of measurement
     * @return α and its parts
     * @throws IllegalArgumentException when the shape is wrong, a value is infinite, or the level is
     *                                  {@link Level#RATIO} and a value is negative
     */
    public static KrippendorffAlpha of(double[][] byCoder, Level level) {
        return of(Coincidences.of(byCoder), level);
    }

    /**
     * Computes α at a level of measurement from coincidences already tabulated (so that several levels share one
     * tabulation).
     *
     * @param coincidences the coincidence matrix
     * @param level        the level of measurement
     * @return α and its parts
     * @throws IllegalArgumentException when the level is {@link Level#RATIO} and a value is negative
     */
    public static KrippendorffAlpha of(Coincidences coincidences, Level level) {
        Objects.requireNonNull(coincidences, "coincidences");
        Objects.requireNonNull(level, "level");
        double[] values = coincidences.values;
        if (level == Level.RATIO && values.length > 0 && values[0] < 0) {
            throw new IllegalArgumentException("ratio-level alpha needs non-negative values, found " + values[0]);
        }
        int v = values.length;
        double[][] o = coincidences.matrix;
        double[] marginals = coincidences.marginals;
        // Prefix sums of the marginals for the ordinal difference: Σ_{g=c..k} n_g = prefix[k + 1] − prefix[c].
        double[] prefix = new double[v + 1];
        for (int c = 0; c < v; c++) {
            prefix[c + 1] = prefix[c] + marginals[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                if (c == k) {
                    continue;
                }
                double d = difference(level, values, marginals, prefix, c, k);
                observed += o[c][k] * d;
                expected += marginals[c] * marginals[k] * d;
            }
        }
        int n = coincidences.pairableValues;
        double alpha = expected > 0 ? Math.min(1.0, 1 - (n - 1) * observed / expected) : Double.NaN;
        if (Double.isInfinite(alpha)) {
            // Only from overflow (values near the double range): undefined rather than a made-up number.
            alpha = Double.NaN;
        }
        double dObserved = n > 0 ? observed / n : Double.NaN;
        double dExpected = n > 1 ? expected / ((double) n * (n - 1)) : Double.NaN;
        return new KrippendorffAlpha(level, alpha, dObserved, dExpected, n, coincidences.pairableUnits);
    }

    /** δ²_ck for two distinct value indices {@code c != k}. */
    private static double difference(Level level, double[] values, double[] marginals, double[] prefix, int c,
                                     int k) {
        switch (level) {
            case NOMINAL:
                return 1.0;
            case ORDINAL: {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double d = prefix[hi + 1] - prefix[lo] - (marginals[lo] + marginals[hi]) / 2;
                return d * d;
            }
            case INTERVAL: {
                double d = values[c] - values[k];
                return d * d;
            }
            case RATIO: {
                // Distinct non-negative values: their sum is positive.
                double d = (values[c] - values[k]) / (values[c] + values[k]);
                return d * d;
            }
            default:
                throw new IllegalStateException("unhandled level " + level);
        }
    }

    /**
     * The coincidence matrix of reliability data (Krippendorff 2011, section A): distinct values in ascending
     * order, {@code o_ck}, the marginals {@code n_c}, the number of pairable values n and of pairable units.
     * Immutable and thread-safe; accessors return copies or single cells.
     */
    public static final class Coincidences {
        private final double[] values;
        private final double[][] matrix;
        private final double[] marginals;
        private final int pairableValues;
        private final int pairableUnits;

        private Coincidences(double[] values, double[][] matrix, double[] marginals, int pairableValues,
                             int pairableUnits) {
            this.values = values;
            this.matrix = matrix;
            this.marginals = marginals;
            this.pairableValues = pairableValues;
            this.pairableUnits = pairableUnits;
        }

        /**
         * Tabulates the coincidences of reliability data. Units with fewer than 2 values are dropped; only the
         * values of pairable units enter the matrix. {@code -0.0} is read as {@code 0.0}.
         *
         * @param byCoder {@code byCoder[coder][unit]}: at least 2 coders, rows of the same length, at least one
         *                unit; {@code NaN} marks a missing value, every other value is finite
         * @return the coincidences
         * @throws IllegalArgumentException when there are fewer than 2 coders or no units, rows differ in length,
         *                                  or a value is infinite
         */
        public static Coincidences of(double[][] byCoder) {
            Objects.requireNonNull(byCoder, "byCoder");
            int coders = byCoder.length;
            if (coders < 2) {
                throw new IllegalArgumentException("Krippendorff's alpha needs at least 2 coders, had " + coders);
            }
            Objects.requireNonNull(byCoder[0], "byCoder[0]");
            int units = byCoder[0].length;
            if (units < 1) {
                throw new IllegalArgumentException("Krippendorff's alpha needs at least one unit");
            }
            for (int i = 0; i < coders; i++) {
                if (byCoder[i] == null) {
                    throw new IllegalArgumentException("byCoder[" + i + "] is null");
                }
                if (byCoder[i].length != units) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "coder %d coded %d units, coder 0 coded %d", i, byCoder[i].length, units));
                }
                for (int u = 0; u < units; u++) {
                    if (Double.isInfinite(byCoder[i][u])) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "value of unit %d by coder %d is infinite", u, i));
                    }
                }
            }

            // Distinct values of pairable units, ascending; adding 0.0 turns -0.0 into 0.0.
            double[] pooled = new double[coders * units];
            int pooledCount = 0;
            int pairableUnits = 0;
            int[] perUnit = new int[units];
            for (int u = 0; u < units; u++) {
                for (double[] row : byCoder) {
                    if (!Double.isNaN(row[u])) {
                        perUnit[u]++;
                    }
                }
                if (perUnit[u] >= 2) {
                    pairableUnits++;
                    for (double[] row : byCoder) {
                        if (!Double.isNaN(row[u])) {
                            pooled[pooledCount++] = row[u] + 0.0;
                        }
                    }
                }
            }
            double[] sorted = Arrays.copyOf(pooled, pooledCount);
            Arrays.sort(sorted);
            int v = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[v++] = sorted[i];
                }
            }
            double[] values = Arrays.copyOf(sorted, v);

            // o_ck += count_c · count_k / (m_u − 1) per unit (count_c (count_c − 1) on the diagonal).
            double[][] matrix = new double[v][v];
            int[] counts = new int[v];
            int[] present = new int[coders];
            for (int u = 0; u < units; u++) {
                int m = perUnit[u];
                if (m < 2) {
                    continue;
                }
                int distinct = 0;
                for (double[] row : byCoder) {
                    if (!Double.isNaN(row[u])) {
                        int c = Arrays.binarySearch(values, row[u] + 0.0);
                        if (counts[c]++ == 0) {
                            present[distinct++] = c;
                        }
                    }
                }
                double weight = 1.0 / (m - 1);
                for (int a = 0; a < distinct; a++) {
                    int c = present[a];
                    for (int b = 0; b < distinct; b++) {
                        int k = present[b];
                        double pairs = c == k ? (double) counts[c] * (counts[c] - 1) : (double) counts[c] * counts[k];
                        matrix[c][k] += pairs * weight;
                    }
                }
                for (int a = 0; a < distinct; a++) {
                    counts[present[a]] = 0;
                }
            }
            // n_c counts the pairable values equal to c exactly (Σ_k o_ck, without its rounding).
            double[] marginals = new double[v];
            for (int i = 0; i < pooledCount; i++) {
                marginals[Arrays.binarySearch(values, pooled[i])]++;
            }
            return new Coincidences(values, matrix, marginals, pooledCount, pairableUnits);
        }

        /**
         * Returns the number of distinct values in pairable units.
         *
         * @return V
         */
        public int size() {
            return values.length;
        }

        /**
         * Returns the distinct values of pairable units, ascending.
         *
         * @return a copy of the values
         */
        public double[] values() {
            return values.clone();
        }

        /**
         * Returns one cell of the coincidence matrix.
         *
         * @param c index of the first value in {@link #values()}
         * @param k index of the second value
         * @return {@code o_ck}
         */
        public double count(int c, int k) {
            return matrix[c][k];
        }

        /**
         * Returns a marginal of the coincidence matrix: the number of pairable values equal to one value.
         *
         * @param c index of the value in {@link #values()}
         * @return {@code n_c}
         */
        public double marginal(int c) {
            return marginals[c];
        }

        /**
         * Returns the number of pairable values.
         *
         * @return n
         */
        public int pairableValues() {
            return pairableValues;
        }

        /**
         * Returns the number of units with at least 2 values.
         *
         * @return the pairable units
         */
        public int pairableUnits() {
            return pairableUnits;
        }
    }
}
