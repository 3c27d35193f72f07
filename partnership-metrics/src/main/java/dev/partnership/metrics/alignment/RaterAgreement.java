package dev.partnership.metrics.alignment;

import dev.partnership.Dimension;
import dev.partnership.Interval;
import dev.partnership.RatingDimension;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.IntraclassCorrelation;
import dev.partnership.metrics.stats.KrippendorffAlpha;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Goal alignment as inter-rater agreement: do the partners give the goals the same weights, and do they rate one
 * another alike? Intraclass correlations (Shrout &amp; Fleiss 1979, arithmetic and intervals in
 * {@link IntraclassCorrelation}) and Krippendorff's α (Krippendorff 2011; {@link KrippendorffAlpha}); strategy id
 * {@value #ID}.
 *
 * <p><b>Priorities</b> (the score). Judges are partners, targets are goals, a cell is a partner's priority weight
 * for a goal. Goals that no partner weighted are left out (warning {@code EXCLUDED_INPUT}, detail
 * {@code unweightedGoals}). The ICC needs a complete matrix, so partners who weighted some but not all of the
 * remaining goals are excluded listwise, as {@code kendall-w} does (warning {@code EXCLUDED_INPUT}, detail
 * {@code excludedPartners}); partners who weighted none are not judges (detail {@code partnersWithoutPriorities}).
 * α allows missing values, so it reads every partner who weighted at least one of the goals (detail
 * {@code alphaPartners}).
 *
 * <p><b>Score</b> (one, about the partnership): {@code value} = the chosen ICC form ({@code iccForm}), its F-based
 * interval (McGraw &amp; Wong 1996) at the evaluation's level; {@code normalized = clamp(ICC, 0, 1)} with the
 * interval clipped to [0, 1]: a negative ICC (partners agree less than chance would give) reads as no agreement;
 * {@code n} = the number of judges. Details: {@code iccForm}, {@code icc} (all six forms, each with
 * {@code value}, {@code low}, {@code high} where defined), {@code meanSquares} ({@code MSR}, {@code MSC},
 * {@code MSE}, {@code MSW}), {@code alphaLevel}, {@code alpha} (α at each of the four levels where defined;
 * ratio only with non-negative weights), {@code judges}, {@code targets}, {@code alphaPartners},
 * {@code excludedPartners}, {@code partnersWithoutPriorities}, {@code unweightedGoals} and
 * {@code ratingsAgreement}. Fewer than 2 complete judges or 2 goals, or the chosen form undefined because the
 * weights do not vary, give {@code INSUFFICIENT_EVIDENCE} with the reason (details still report what could be
 * computed).
 *
 * <p><b>Ratings</b> (detail {@code ratingsAgreement}: rating dimension name → figures, in
 * {@link RatingDimension} order, dimensions without ratings left out). Ratings at or before asOf, the latest per
 * rater, ratee and dimension (ties at one instant resolved by the index's total order, as {@code rated-trust}
 * does). Raters are judges and ratees targets. α at the chosen level over all raters and ratees (missing values
 * allowed; a partner never rates itself, so the diagonal is always missing): {@code alpha}, or
 * {@code alphaNote} when undefined. The ICC needs a complete block, found greedily: starting from all raters and
 * ratees, the rater or ratee with the largest share of missing cells is dropped (ties: more missing cells, raters
 * before ratees, lower id) until none is missing; this is a heuristic, not a search for the largest complete
 * block (a maximum-biclique problem). With at least 2 raters × 2 ratees left: {@code icc}, {@code iccLow},
 * {@code iccHigh}, {@code iccRaters}, {@code iccRatees}; otherwise {@code iccNote}. Also {@code raters} and
 * {@code ratees} (counts).
 *
 * <p><b>Defaults.</b> {@value #DEFAULT_ICC_FORM_LABEL}: partners are a sample of the organisations that could
 * have been partners (random judges), and alignment means giving goals the same absolute weights, so differences
 * in a partner's overall level of weights count as disagreement (absolute agreement); a single judge because the
 * question is how well one partner's weights match another's, not how reliable their average is. Rank agreement,
 * which ignores level, is {@code kendall-w}'s job. α at the {@value #DEFAULT_ALPHA_LEVEL_ID} level for priorities
 * and ratings alike: weights and ratings are numbers whose distances matter (5 against 4 is closer than 5 against
 * 1), without a meaningful zero for ratings.
 *
 * <p><b>Explanation.</b> Says in words what the chosen form measures and reads its value by the usual guideline
 * (Koo, T. K. and Li, M. Y. (2016), "A guideline of selecting and reporting intraclass correlation coefficients
 * for reliability research", <i>Journal of Chiropractic Medicine</i> 15(2), 155–163): below
 * {@value #POOR_BELOW} poor, below {@value #MODERATE_BELOW} moderate, below {@value #GOOD_BELOW} good, from there
 * excellent; then α, and α of each rating dimension.
 *
 * <p><b>Interval.</b> The ICC's F-based interval. α carries none (Krippendorff's bootstrap is not implemented).
 *
 * <p><b>Cost.</b> O(P G) for P partners and G goals, O(r log r) to keep the latest of r ratings, and per rating
 * dimension with R raters and T ratees O((R + T) R T) for the greedy block plus O(R T + V²) for α with V distinct
 * values.
 *
 * <p>Immutable and thread-safe; {@link #withIccForm} and {@link #withAlphaLevel} return copies.
 */
public final class RaterAgreement implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "rater-agreement";
    /** Label of the default ICC form. */
    public static final String DEFAULT_ICC_FORM_LABEL = "ICC(2,1)";
    /** Default ICC form: two-way random, absolute agreement, single judge. */
    public static final IntraclassCorrelation.Form DEFAULT_ICC_FORM =
            IntraclassCorrelation.Form.ofLabel(DEFAULT_ICC_FORM_LABEL);
    /** Id of the default level of measurement for α. */
    public static final String DEFAULT_ALPHA_LEVEL_ID = "interval";
    /** Default level of measurement for α. */
    public static final KrippendorffAlpha.Level DEFAULT_ALPHA_LEVEL =
            KrippendorffAlpha.Level.ofId(DEFAULT_ALPHA_LEVEL_ID);

    /** ICCs below this read as poor agreement (Koo &amp; Li 2016). */
    public static final double POOR_BELOW = 0.5;
    /** ICCs from {@link #POOR_BELOW} up to below this read as moderate agreement (Koo &amp; Li 2016). */
    public static final double MODERATE_BELOW = 0.75;
    /** ICCs from {@link #MODERATE_BELOW} up to below this read as good, from it on excellent (Koo &amp; Li 2016). */
    public static final double GOOD_BELOW = 0.9;

    private static final RatingDimension[] RATING_DIMENSIONS = RatingDimension.values();

    private final IntraclassCorrelation.Form iccForm;
    private final KrippendorffAlpha.Level alphaLevel;

    /** Creates the strategy with the default ICC form and α level. */
    public RaterAgreement() {
        this(DEFAULT_ICC_FORM, DEFAULT_ALPHA_LEVEL);
    }

    /**
     * Creates the strategy.
     *
     * @param iccForm    the ICC form reported as the score's value
     * @param alphaLevel the level of measurement of the headline α
     */
    public RaterAgreement(IntraclassCorrelation.Form iccForm, KrippendorffAlpha.Level alphaLevel) {
        this.iccForm = Objects.requireNonNull(iccForm, "iccForm");
        this.alphaLevel = Objects.requireNonNull(alphaLevel, "alphaLevel");
    }

    /**
     * Returns the reported ICC form.
     *
     * @return the form
     */
    public IntraclassCorrelation.Form iccForm() {
        return iccForm;
    }

    /**
     * Returns the level of measurement of the headline α.
     *
     * @return the level
     */
    public KrippendorffAlpha.Level alphaLevel() {
        return alphaLevel;
    }

    /**
     * Returns a copy reporting another ICC form.
     *
     * @param form the form
     * @return the copy
     */
    public RaterAgreement withIccForm(IntraclassCorrelation.Form form) {
        return new RaterAgreement(form, alphaLevel);
    }

    /**
     * Returns a copy with another level of measurement for α.
     *
     * @param level the level
     * @return the copy
     */
    public RaterAgreement withAlphaLevel(KrippendorffAlpha.Level level) {
        return new RaterAgreement(iccForm, level);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ALIGNMENT;
    }

    /**
     * Scores the agreement of the partners' priorities, with the agreement of their ratings in the details, as
     * described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return one partnership score, and warnings for excluded input or a missing score
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        double level = context.confidenceLevel();
        List<Warning> warnings = new ArrayList<>();
        Map<String, Object> ratings = ratingsAgreement(ev, level);

        // Targets: goals somebody weighted. Judges (ICC): partners who weighted all of them; alpha also counts
        // the partners who weighted some.
        PrioritySelection selection = PrioritySelection.of(ev);
        List<Integer> goals = selection.goals();
        List<String> unweightedGoals = selection.unweightedGoals();
        int n = goals.size();
        List<Integer> judges = selection.complete();
        List<Integer> alphaCoders = new ArrayList<>(judges);
        alphaCoders.addAll(selection.partial());
        Collections.sort(alphaCoders);
        List<String> excluded = selection.partialIds(ev);
        int m = judges.size();
        int withoutPriorities = selection.withoutPriorities();
        warnings.addAll(selection.exclusionWarnings(ev, ID, "the rater agreement", "the intraclass correlation",
                excluded.isEmpty() ? "" : "; Krippendorff's alpha still counts "
                        + (excluded.size() == 1 ? "it" : "them")));

        Map<String, Object> alphas = new LinkedHashMap<>();
        String alphaNote = null;
        if (n >= 2 && alphaCoders.size() >= 2) {
            double[][] byCoder = new double[alphaCoders.size()][n];
            for (int i = 0; i < byCoder.length; i++) {
                for (int j = 0; j < n; j++) {
                    byCoder[i][j] = ev.priority(alphaCoders.get(i), goals.get(j));
                }
            }
            alphaNote = alphaAtAllLevels(KrippendorffAlpha.Coincidences.of(byCoder), alphas);
        }

        String reason = null;
        if (n == 0) {
            reason = "No partner gave priorities for the goals, so there is nothing to compare.";
        } else if (n < 2) {
            reason = String.format(Locale.ROOT, "Only one goal (%s) has priorities; agreement on goal weights "
                    + "needs at least two goals.", ev.goalId(goals.get(0)));
        } else if (m < 2) {
            reason = String.format(Locale.ROOT, "%s partner%s weighted all %d goals; agreement on goal weights "
                    + "needs at least two.", m == 0 ? "No" : "Only one", m == 1 ? "" : "s", n);
        }
        IntraclassCorrelation icc = null;
        double weightScale = 1.0;
        if (reason == null) {
            double[][] matrix = new double[n][m];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    matrix[j][i] = ev.priority(judges.get(i), goals.get(j));
                }
            }
            weightScale = rescale(matrix);
            icc = IntraclassCorrelation.of(matrix, level);
            if (!icc.estimate(iccForm).isDefined()) {
                reason = icc.msr() == 0 && icc.mse() == 0 && icc.msc() == 0
                        ? String.format(Locale.ROOT, "Each of the %d partners gave all %d goals the same weight, "
                        + "so there are no differences to agree on.", m, n)
                        : String.format(Locale.ROOT, "The %d goals receive practically the same average weight, "
                        + "so %s cannot tell agreement from disagreement.", n, iccForm.label());
            }
        }

        Score.Builder b = Score.builder(ID, Dimension.ALIGNMENT, Subject.partnership()).n(m)
                .detail("iccForm", iccForm.label());
        if (icc != null) {
            b.detail("icc", formsDetail(icc)).detail("meanSquares", meanSquaresDetail(icc));
            if (weightScale != 1.0) {
                b.detail("meanSquaresWeightScale", weightScale);
            }
        }
        b.detail("alphaLevel", alphaLevel.id()).detail("alpha", alphas);
        if (alphaNote != null) {
            b.detail("alphaNote", alphaNote);
        }
        b.detail("judges", m).detail("targets", n).detail("alphaPartners", alphaCoders.size())
                .detail("excludedPartners", excluded).detail("partnersWithoutPriorities", withoutPriorities)
                .detail("unweightedGoals", unweightedGoals).detail("ratingsAgreement", ratings);

        if (reason != null) {
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, "agreement on goal weights: " + reason));
            return new StrategyResult(List.of(b.insufficient(reason).explanation(reason).build()), warnings);
        }

        IntraclassCorrelation.Estimate chosen = icc.estimate(iccForm);
        double value = chosen.value();
        b.value(value).normalized(UnitInterval.clamp(value));
        String intervalText;
        if (chosen.interval() != null) {
            b.interval(chosen.interval()).normalizedInterval(UnitInterval.clip(chosen.interval()));
            intervalText = String.format(Locale.ROOT, ", %s interval %s to %s",
                    ExplanationNumbers.level(level), ExplanationNumbers.twoDecimals(chosen.interval().low()),
                    ExplanationNumbers.twoDecimals(chosen.interval().high()));
        } else {
            b.detail("intervalNote", "no F-based interval: its degrees of freedom or bounds are undefined here");
            intervalText = "";
        }
        b.explanation(explanation(m, n, chosen, intervalText, alphas, alphaCoders.size(), ratings));
        return new StrategyResult(List.of(b.build()), warnings);
    }

    /** The score's sentence, in words a coordinator understands. */
    /**
     * Multiplies the weights by a power of two when their largest magnitude is above 1e150 or below 1e-150, so that
     * the squares behind the mean squares neither overflow nor vanish; the ICC is scale-invariant and the scaling is
     * exact. Returns the factor (1 when nothing was scaled); the mean squares are then those of the scaled weights.
     */
    private static double rescale(double[][] matrix) {
        double largest = 0;
        for (double[] row : matrix) {
            for (double x : row) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        if (largest == 0 || (largest <= 1e150 && largest >= 1e-150)) {
            return 1.0;
        }
        double scale = Math.scalb(1.0, -Math.getExponent(largest) - 2);
        for (double[] row : matrix) {
            for (int i = 0; i < row.length; i++) {
                row[i] *= scale;
            }
        }
        return scale;
    }

    private String explanation(int m, int n, IntraclassCorrelation.Estimate chosen, String intervalText,
                               Map<String, Object> alphas, int alphaPartners, Map<String, Object> ratings) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "The %d partners who weighted all %d goals show %s agreement on how much each goal matters: "
                        + "%s = %s%s (%s; 1 = identical weights, 0 or below = no more agreement than chance; "
                        + "below 0.5 reads as poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, 0.9 and above excellent).",
                m, n, reading(chosen.value()), iccForm.label(), ExplanationNumbers.twoDecimals(chosen.value()),
                intervalText, meaning(iccForm)));
        if (chosen.value() < 0) {
            s.append(" The negative value is read as no agreement.");
        }
        Object alpha = alphas.get(alphaLevel.id());
        if (alpha instanceof Double) {
            s.append(String.format(Locale.ROOT, " Krippendorff's alpha (%s level) over the %d partners who gave "
                    + "any priorities is %s.", alphaLevel.id(), alphaPartners,
                    ExplanationNumbers.twoDecimals((Double) alpha)));
        }
        List<String> rated = new ArrayList<>();
        for (Map.Entry<String, Object> e : ratings.entrySet()) {
            Object a = ((Map<?, ?>) e.getValue()).get("alpha");
            if (a instanceof Double) {
                rated.add(e.getKey().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                        + ExplanationNumbers.twoDecimals((Double) a));
            }
        }
        if (!rated.isEmpty()) {
            s.append(String.format(Locale.ROOT, " When rating one another, partners agree (alpha, %s level) on %s.",
                    alphaLevel.id(), String.join(", ", rated)));
        }
        return s.toString();
    }

    /** The usual reading of an ICC (Koo &amp; Li 2016): poor, moderate, good or excellent. */
    static String reading(double icc) {
        if (icc < POOR_BELOW) {
            return "poor";
        }
        if (icc < MODERATE_BELOW) {
            return "moderate";
        }
        return icc < GOOD_BELOW ? "good" : "excellent";
    }

    /** What a form measures, in plain words. */
    private static String meaning(IntraclassCorrelation.Form form) {
        switch (form) {
            case ICC_1_1:
            case ICC_2_1:
                return "how closely one partner's weights match another's, overall level included";
            case ICC_3_1:
                return "how consistently one partner's weights rise and fall with another's, whatever their "
                        + "overall level";
            case ICC_1_K:
            case ICC_2_K:
                return "how dependable the partners' average weights are";
            case ICC_3_K:
                return "how consistent the partners' average weights are, whatever each partner's overall level";
            default:
                throw new IllegalStateException("unhandled form " + form);
        }
    }

    /** α at the four levels into {@code out}; returns a note on levels left out, or null. */
    private static String alphaAtAllLevels(KrippendorffAlpha.Coincidences coincidences, Map<String, Object> out) {
        List<String> undefined = new ArrayList<>();
        boolean negative = coincidences.size() > 0 && coincidences.values()[0] < 0;
        for (KrippendorffAlpha.Level l : KrippendorffAlpha.Level.values()) {
            if (l == KrippendorffAlpha.Level.RATIO && negative) {
                undefined.add("ratio (needs non-negative values)");
                continue;
            }
            KrippendorffAlpha a = KrippendorffAlpha.of(coincidences, l);
            if (a.isDefined()) {
                out.put(l.id(), a.alpha());
            } else {
                undefined.add(l.id());
            }
        }
        if (undefined.isEmpty()) {
            return null;
        }
        return "alpha undefined at level " + String.join(", ", undefined)
                + (coincidences.pairableUnits() == 0 ? ": no goal was weighted by two partners"
                : ": the values do not vary or cannot be compared at that level");
    }

    private static Map<String, Object> formsDetail(IntraclassCorrelation icc) {
        Map<String, Object> forms = new LinkedHashMap<>();
        for (IntraclassCorrelation.Estimate e : icc.estimates()) {
            if (!e.isDefined()) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", e.value());
            if (e.interval() != null) {
                f.put("low", e.interval().low());
                f.put("high", e.interval().high());
            }
            forms.put(e.form().label(), f);
        }
        return forms;
    }

    private static Map<String, Object> meanSquaresDetail(IntraclassCorrelation icc) {
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("MSR", icc.msr());
        ms.put("MSC", icc.msc());
        ms.put("MSE", icc.mse());
        ms.put("MSW", icc.msw());
        return ms;
    }

    /** Agreement of the ratings, per rating dimension with data. */
    private Map<String, Object> ratingsAgreement(EvidenceIndex ev, double level) {
        int partners = ev.partnerCount();
        // Latest rating per (rater, ratee) for each dimension: rows come in time order, so a later put wins.
        List<TreeMap<Long, Double>> latest = new ArrayList<>();
        for (int d = 0; d < RATING_DIMENSIONS.length; d++) {
            latest.add(new TreeMap<>());
        }
        for (int i = 0, count = ev.ratingCount(); i < count; i++) {
            long key = (long) ev.ratingRater(i) * partners + ev.ratingRatee(i);
            latest.get(ev.ratingDimension(i).ordinal()).put(key, ev.ratingValue(i));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RatingDimension d : RATING_DIMENSIONS) {
            TreeMap<Long, Double> cells = latest.get(d.ordinal());
            if (!cells.isEmpty()) {
                out.put(d.name(), dimensionAgreement(cells, partners, level));
            }
        }
        return out;
    }

    private Map<String, Object> dimensionAgreement(TreeMap<Long, Double> cells, int partners, double level) {
        // Dense positions of raters and ratees, in partner (id) order.
        int[] raterPosition = new int[partners];
        int[] rateePosition = new int[partners];
        for (long key : cells.keySet()) {
            raterPosition[(int) (key / partners)] = 1;
            rateePosition[(int) (key % partners)] = 1;
        }
        int raters = positions(raterPosition);
        int ratees = positions(rateePosition);
        double[][] byRater = new double[raters][ratees];
        for (double[] row : byRater) {
            Arrays.fill(row, Double.NaN);
        }
        for (Map.Entry<Long, Double> e : cells.entrySet()) {
            long key = e.getKey();
            byRater[raterPosition[(int) (key / partners)]][rateePosition[(int) (key % partners)]] = e.getValue();
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("raters", raters);
        out.put("ratees", ratees);
        if (raters < 2) {
            out.put("alphaNote", "only one partner gave these ratings");
        } else {
            KrippendorffAlpha.Coincidences c = KrippendorffAlpha.Coincidences.of(byRater);
            if (alphaLevel == KrippendorffAlpha.Level.RATIO && c.size() > 0 && c.values()[0] < 0) {
                out.put("alphaNote", "ratio-level alpha needs non-negative ratings");
            } else {
                KrippendorffAlpha a = KrippendorffAlpha.of(c, alphaLevel);
                if (a.isDefined()) {
                    out.put("alpha", a.alpha());
                } else {
                    out.put("alphaNote", c.pairableUnits() == 0
                            ? "no partner was rated by two raters"
                            : "every rating of partners rated by two or more raters is the same");
                }
            }
        }

        int[][] block = completeBlock(byRater);
        if (block == null) {
            out.put("iccNote", "no 2 raters rated the same 2 partners, so the intraclass correlation is skipped");
            return out;
        }
        int[] rows = block[0];
        int[] columns = block[1];
        double[][] matrix = new double[columns.length][rows.length];
        for (int t = 0; t < columns.length; t++) {
            for (int r = 0; r < rows.length; r++) {
                matrix[t][r] = byRater[rows[r]][columns[t]];
            }
        }
        IntraclassCorrelation.Estimate e = IntraclassCorrelation.of(matrix, level).estimate(iccForm);
        if (e.isDefined()) {
            out.put("icc", e.value());
            if (e.interval() != null) {
                Interval i = e.interval();
                out.put("iccLow", i.low());
                out.put("iccHigh", i.high());
            }
        } else {
            out.put("iccNote", iccForm.label() + " is undefined: the ratings in the complete block do not vary");
        }
        out.put("iccRaters", rows.length);
        out.put("iccRatees", columns.length);
        return out;
    }

    /** Turns 0/1 flags into dense positions in place (unflagged entries become −1); returns the count. */
    private static int positions(int[] flags) {
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            flags[i] = flags[i] == 1 ? next++ : -1;
        }
        return next;
    }

    /**
     * Finds a complete block of rows and columns greedily: while a cell is missing, drops the row or column with
     * the largest share of missing cells (ties: more missing cells, rows before columns, lower index). Cost
     * O((R + C) R C).
     *
     * @param cells {@code cells[row][column]}, {@code NaN} where missing
     * @return {@code {rows, columns}} of a complete block of at least 2 × 2, or null when none remains
     */
    static int[][] completeBlock(double[][] cells) {
        int rowCount = cells.length;
        int columnCount = rowCount == 0 ? 0 : cells[0].length;
        boolean[] rowOn = new boolean[rowCount];
        boolean[] columnOn = new boolean[columnCount];
        Arrays.fill(rowOn, true);
        Arrays.fill(columnOn, true);
        int rows = rowCount;
        int columns = columnCount;
        int[] rowMissing = new int[rowCount];
        int[] columnMissing = new int[columnCount];
        while (rows >= 2 && columns >= 2) {
            Arrays.fill(rowMissing, 0);
            Arrays.fill(columnMissing, 0);
            int missing = 0;
            for (int r = 0; r < rowCount; r++) {
                for (int c = 0; c < columnCount; c++) {
                    if (rowOn[r] && columnOn[c] && Double.isNaN(cells[r][c])) {
                        rowMissing[r]++;
                        columnMissing[c]++;
                        missing++;
                    }
                }
            }
            if (missing == 0) {
                return new int[][] {on(rowOn), on(columnOn)};
            }
            // A line's share of missing cells is missing / length; compare a/b with c/d as a·d against c·b.
            int bestIndex = -1;
            boolean bestIsRow = true;
            long bestMissing = -1;
            long bestLength = 1;
            for (int r = 0; r < rowCount; r++) {
                if (rowOn[r] && better(rowMissing[r], columns, bestMissing, bestLength)) {
                    bestIndex = r;
                    bestMissing = rowMissing[r];
                    bestLength = columns;
                }
            }
            for (int c = 0; c < columnCount; c++) {
                if (columnOn[c] && better(columnMissing[c], rows, bestMissing, bestLength)) {
                    bestIndex = c;
                    bestIsRow = false;
                    bestMissing = columnMissing[c];
                    bestLength = rows;
                }
            }
            if (bestIsRow) {
                rowOn[bestIndex] = false;
                rows--;
            } else {
                columnOn[bestIndex] = false;
                columns--;
            }
        }
        return null;
    }

    /** Whether missing/length beats the best so far: a larger share, or an equal share with more missing cells. */
    private static boolean better(long missing, long length, long bestMissing, long bestLength) {
        long lhs = missing * bestLength;
        long rhs = bestMissing * length;
        return lhs > rhs || (lhs == rhs && missing > bestMissing);
    }

    private static int[] on(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            if (f) {
                count++;
            }
        }
        int[] out = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[next++] = i;
            }
        }
        return out;
    }
}
