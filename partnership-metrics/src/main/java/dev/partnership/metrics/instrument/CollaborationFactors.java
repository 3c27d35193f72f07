package dev.partnership.metrics.instrument;

import dev.partnership.Dimension;
import dev.partnership.Instrument;
import dev.partnership.Interval;
import dev.partnership.Score;
import dev.partnership.ScoreStatus;
import dev.partnership.Subject;
import dev.partnership.SurveyResponse;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.CronbachAlpha;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.StudentTInterval;
import dev.partnership.metrics.stats.UnitInterval;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Scores survey instruments (built-in, such as {@code collaboration-factors} after Mattessich &amp; Monsey 2001
 * and {@code partnership-synergy} after Weiss, Anderson &amp; Lasker 2002, or declared by the dataset) factor by
 * factor and category by category.
 *
 * <p>Per instrument named by the responses, the latest wave (by label order) among those considered is scored;
 * {@code waves} restricts the waves considered (empty = all), so the last listed wave present is scored and the
 * one before it, in label order, is the comparison wave. Item scoring: an answer on the scale scores itself, a
 * reverse-coded item scores {@code min + max − answer}; the "don't know" code is counted in the detail
 * {@code dontKnowAnswers} and kept out of every mean, like a missing answer. Missing-data policy
 * ({@code missing}): {@value #AVAILABLE} — a respondent's factor mean is the mean of the items they answered
 * (at least one); {@value #COMPLETE} — only respondents who answered every item of the factor count. A category
 * mean per respondent is the mean of their factor means in it (under {@value #COMPLETE}: only when all are
 * present). Each score's value is the mean over respondents, with the Student t interval over respondents' means
 * (Student 1908), the instrument's band ({@link Instrument#band(double)}), the per-partner means in details, and
 * the change from the comparison wave (difference of means with a Welch 1947 interval on Welch–Satterthwaite
 * degrees of freedom). Factors with two or more items carry Cronbach's α, standardised α and the Feldt interval
 * ({@link CronbachAlpha}, complete cases of reverse-scored items). Categories carry no α (their items span factors).
 *
 * <p>The PARTNERSHIP score pools every instrument: each respondent's overall mean (the mean of their factor
 * means, under the same policy) is mapped to [0, 1] as {@code (mean − min)/(max − min)} of the instrument's scale;
 * {@code value} and {@code normalized} are the mean of these, with the Student t interval clipped to [0, 1] as
 * both {@code interval} and {@code normalizedInterval}. A respondent answering two instruments counts twice.
 *
 * <p>Privacy: a score (factor, category, partnership, α, change) resting on fewer than
 * {@link ScoringContext#minCellSize()} respondents is status {@link ScoreStatus#SUPPRESSED} (or, for a detail,
 * left out with a stated reason); per-partner means over fewer respondents are left out and counted in
 * {@code partnersWithheld}. Respondent ids are used only to pair answers and never appear in scores or warnings;
 * a respondent with several responses to one instrument and wave is left out and counted in a warning.
 *
 * <p>Immutable and thread-safe. Cost O(responses · items + factors · respondents · items²) per instrument.
 */
public final class CollaborationFactors implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "collaboration-factors";
    /** Missing-data policy: each respondent's available items. */
    public static final String AVAILABLE = "available";
    /** Missing-data policy: complete cases per factor. */
    public static final String COMPLETE = "complete";
    /** Default missing-data policy. */
    public static final String DEFAULT_MISSING = AVAILABLE;
    /** Warning code for respondents left out because they answered one wave of an instrument more than once. */
    public static final String DUPLICATE_RESPONSES = "DUPLICATE_RESPONSES";

    private final String missing;
    private final List<String> waves;

    /**
     * Creates the strategy.
     *
     * @param missing missing-data policy, {@value #AVAILABLE} or {@value #COMPLETE}
     * @param waves   the waves to consider, empty for all
     * @throws IllegalArgumentException when the policy is unknown or a wave is {@code null}
     */
    public CollaborationFactors(String missing, List<String> waves) {
        if (!AVAILABLE.equals(missing) && !COMPLETE.equals(missing)) {
            throw new IllegalArgumentException("missing must be '" + AVAILABLE + "' or '" + COMPLETE + "', was " + missing);
        }
        this.missing = missing;
        this.waves = List.copyOf(waves);
    }

    /** Creates the strategy with the default policy, considering every wave. */
    public CollaborationFactors() {
        this(DEFAULT_MISSING, List.of());
    }

    /**
     * Returns a copy with another missing-data policy.
     *
     * @param policy {@value #AVAILABLE} or {@value #COMPLETE}
     * @return the copy
     */
    public CollaborationFactors withMissing(String policy) {
        return new CollaborationFactors(policy, waves);
    }

    /**
     * Returns a copy considering only the given waves.
     *
     * @param considered wave labels, empty for all
     * @return the copy
     */
    public CollaborationFactors withWaves(List<String> considered) {
        return new CollaborationFactors(missing, considered);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.INSTRUMENT;
    }

    @Override
    public StrategyResult score(ScoringContext context) {
        int minCell = Math.max(1, context.minCellSize());
        double level = context.confidenceLevel();
        Map<String, TreeMap<String, List<SurveyResponse>>> byInstrument = new TreeMap<>();
        for (SurveyResponse r : context.evidence().surveys()) {
            if (waves.isEmpty() || waves.contains(r.wave())) {
                byInstrument.computeIfAbsent(r.instrument(), k -> new TreeMap<>())
                        .computeIfAbsent(r.wave(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Score> scores = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Double> pooled = new ArrayList<>();
        Map<String, Object> scoredWaves = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, List<SurveyResponse>>> e : byInstrument.entrySet()) {
            Optional<Instrument> found = context.partnership().instrument(e.getKey());
            if (found.isEmpty()) {
                warnings.add(new Warning(Warning.EXCLUDED_INPUT, ID, String.format(Locale.ROOT,
                        "responses to unknown instrument '%s' were left out", e.getKey())));
                continue;
            }
            Instrument inst = found.get();
            String wave = e.getValue().lastKey();
            String previous = e.getValue().lowerKey(wave);
            WaveAnswers cur = WaveAnswers.of(inst, wave, e.getValue().get(wave), missing, warnings);
            WaveAnswers prev = previous == null ? null
                    : WaveAnswers.of(inst, previous, e.getValue().get(previous), missing, warnings);
            scoredWaves.put(inst.id(), wave);
            for (int f = 0; f < inst.factors().size(); f++) {
                Instrument.Factor factor = inst.factors().get(f);
                Score.Builder b = groupScore(inst, Subject.factor(inst.id(), factor.id(), factor.category()),
                        "factor '" + factor.name() + "'", cur, cur.factorMeans[f], prev == null ? null
                                : prev.factorMeans[f], cur.dontKnow[f], minCell, level);
                addAlpha(b, cur, f, minCell, level);
                scores.add(b.build());
            }
            for (Instrument.Category category : inst.categories()) {
                scores.add(groupScore(inst, Subject.factor(inst.id(), null, category.id()),
                        "category '" + category.name() + "'", cur, cur.categoryMeans(category.id()),
                        prev == null ? null : prev.categoryMeans(category.id()), cur.dontKnowIn(category.id()),
                        minCell, level).build());
            }
            double span = inst.scale().max() - inst.scale().min();
            for (double m : cur.overallMeans()) {
                if (!Double.isNaN(m)) {
                    pooled.add((m - inst.scale().min()) / span);
                }
            }
        }
        scores.add(partnershipScore(pooled, scoredWaves, minCell, level));
        return new StrategyResult(scores, warnings);
    }

    private Score.Builder groupScore(Instrument inst, Subject subject, String what, WaveAnswers cur, double[] values,
                                     double[] previous, int dontKnow, int minCell, double level) {
        Score.Builder b = Score.builder(ID, Dimension.INSTRUMENT, subject);
        double[] present = finite(values);
        int n = present.length;
        b.n(n).detail("wave", cur.wave);
        if (n == 0) {
            return b.insufficient("no respondent gave a scorable answer in wave " + cur.wave)
                    .explanation(String.format(Locale.ROOT, "No score for %s of %s: no scorable answers in wave %s.",
                            what, inst.name(), cur.wave));
        }
        if (n < minCell) {
            return b.status(ScoreStatus.SUPPRESSED).detail("reason", String.format(Locale.ROOT,
                            "rests on fewer respondents than the privacy threshold of %d", minCell))
                    .explanation(String.format(Locale.ROOT, "The score for %s of %s is withheld to protect "
                            + "respondents' privacy.", what, inst.name()));
        }
        double mean = mean(present);
        b.value(mean).band(inst.band(mean).orElse(null)).detail("respondents", n).detail("missingPolicy", missing)
                .detail("dontKnowAnswers", dontKnow);
        if (n >= 2) {
            StudentTInterval t = StudentTInterval.of(present, n, level);
            b.interval(t.interval()).detail("sd", t.standardDeviation());
        }
        addPartnerMeans(b, values, cur.partners, minCell);
        if (previous != null) {
            addChange(b, present, finite(previous), minCell, level);
        }
        String band = inst.band(mean).map(l -> " (" + l + ")").orElse("");
        return b.explanation(String.format(Locale.ROOT, "Respondents rate %s of %s at %s on the %d–%d scale%s in "
                + "wave %s, over %d respondents.", what, inst.name(), ExplanationNumbers.twoDecimals(mean),
                inst.scale().min(), inst.scale().max(), band, cur.wave, n));
    }

    private static void addPartnerMeans(Score.Builder b, double[] values, String[] partners, int minCell) {
        Map<String, List<Double>> byPartner = new TreeMap<>();
        for (int r = 0; r < values.length; r++) {
            if (partners[r] != null && !Double.isNaN(values[r])) {
                byPartner.computeIfAbsent(partners[r], k -> new ArrayList<>()).add(values[r]);
            }
        }
        Map<String, Object> means = new TreeMap<>();
        int withheld = 0;
        for (Map.Entry<String, List<Double>> e : byPartner.entrySet()) {
            if (e.getValue().size() < minCell) {
                withheld++;
            } else {
                double s = 0;
                for (double v : e.getValue()) {
                    s += v;
                }
                means.put(e.getKey(), s / e.getValue().size());
            }
        }
        b.detail("partnerMeans", means).detail("partnersWithheld", withheld);
    }

    /** Difference of means from the comparison wave with the Welch (1947) interval. */
    private static void addChange(Score.Builder b, double[] now, double[] before, int minCell, double level) {
        if (before.length < minCell || before.length == 0) {
            b.detail("changeWithheld", String.format(Locale.ROOT,
                    "the comparison wave rests on fewer respondents than the privacy threshold of %d", minCell));
            return;
        }
        double d = mean(now) - mean(before);
        b.detail("previousRespondents", before.length).detail("changeFromPrevious", d);
        if (now.length < 2 || before.length < 2) {
            return;
        }
        double v1 = variance(now) / now.length;
        double v0 = variance(before) / before.length;
        double se = Math.sqrt(v1 + v0);
        double half = 0;
        if (se > 0) {
            double df = (v1 + v0) * (v1 + v0) / (v1 * v1 / (now.length - 1) + v0 * v0 / (before.length - 1));
            half = new TDistribution(null, df).inverseCumulativeProbability((1 + level) / 2) * se;
        }
        b.detail("changeLow", d - half).detail("changeHigh", d + half);
    }

    private static void addAlpha(Score.Builder b, WaveAnswers cur, int f, int minCell, double level) {
        double[][] items = cur.itemScores[f];
        if (items.length == 0 || items[0].length < 2) {
            return;
        }
        Optional<CronbachAlpha> alpha = CronbachAlpha.of(items, level);
        if (alpha.isEmpty()) {
            b.detail("alphaNote", "Cronbach's alpha is undefined: fewer than 2 complete cases or no variance");
        } else if (alpha.get().respondents() < minCell) {
            b.detail("alphaWithheld", String.format(Locale.ROOT,
                    "Cronbach's alpha rests on %d complete cases, fewer than the privacy threshold of %d",
                    alpha.get().respondents(), minCell));
        } else {
            CronbachAlpha a = alpha.get();
            b.detail("cronbachAlpha", a.alpha());
            if (!Double.isNaN(a.standardized())) {
                b.detail("standardizedAlpha", a.standardized());
            }
            b.detail("alphaLow", a.interval().low()).detail("alphaHigh", a.interval().high())
                    .detail("alphaRespondents", a.respondents());
        }
    }

    private static Score partnershipScore(List<Double> pooled, Map<String, Object> scoredWaves, int minCell,
                                          double level) {
        Score.Builder b = Score.builder(ID, Dimension.INSTRUMENT, Subject.partnership()).n(pooled.size());
        if (pooled.isEmpty()) {
            return b.insufficient("no survey responses with scorable answers")
                    .explanation("No overall instrument score: there are no scorable survey answers.").build();
        }
        b.detail("waves", scoredWaves);
        if (pooled.size() < minCell) {
            return b.status(ScoreStatus.SUPPRESSED).detail("reason", String.format(Locale.ROOT,
                            "rests on fewer respondents than the privacy threshold of %d", minCell))
                    .explanation("The overall instrument score is withheld to protect respondents' privacy.").build();
        }
        double[] v = new double[pooled.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = pooled.get(i);
        }
        double mean = UnitInterval.clamp(mean(v));
        b.value(mean).normalized(mean).detail("respondents", v.length);
        if (v.length >= 2) {
            Interval i = UnitInterval.clip(StudentTInterval.of(v, v.length, level).interval());
            b.interval(i).normalizedInterval(i);
        }
        return b.explanation(String.format(Locale.ROOT, "Across the survey instruments, respondents' mean factor "
                        + "rating lies %s of the way from the bottom to the top of the scale, over %d responses.",
                ExplanationNumbers.percent(mean), v.length)).build();
    }

    private static double[] finite(double[] values) {
        if (values == null) {
            return new double[0];
        }
        int n = 0;
        double[] out = new double[values.length];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return ss / (v.length - 1);
    }

    /** One wave's answers to one instrument, respondents in id order, ready for scoring. */
    private static final class WaveAnswers {
        final Instrument inst;
        final String wave;
        final String policy;
        final String[] partners;
        /** [factor][respondent] factor mean, NaN when not available under the policy. */
        final double[][] factorMeans;
        /** [factor][respondent][item of factor] item score, NaN when missing or "don't know". */
        final double[][][] itemScores;
        /** [factor] count of "don't know" answers. */
        final int[] dontKnow;

        private WaveAnswers(Instrument inst, String wave, String policy, List<SurveyResponse> responses) {
            this.inst = inst;
            this.wave = wave;
            this.policy = policy;
            int nf = inst.factors().size();
            int n = responses.size();
            partners = new String[n];
            factorMeans = new double[nf][n];
            itemScores = new double[nf][n][];
            dontKnow = new int[nf];
            Instrument.Scale scale = inst.scale();
            for (int f = 0; f < nf; f++) {
                String fid = inst.factors().get(f).id();
                List<Instrument.Item> items = new ArrayList<>();
                for (Instrument.Item it : inst.items()) {
                    if (it.factor().equals(fid)) {
                        items.add(it);
                    }
                }
                for (int r = 0; r < n; r++) {
                    SurveyResponse resp = responses.get(r);
                    partners[r] = resp.partner();
                    double[] row = new double[items.size()];
                    double sum = 0;
                    int answered = 0;
                    for (int j = 0; j < items.size(); j++) {
                        Integer a = resp.answers().get(items.get(j).id());
                        row[j] = Double.NaN;
                        if (a == null) {
                            continue;
                        }
                        if (scale.dontKnow() != null && a.intValue() == scale.dontKnow()) {
                            dontKnow[f]++;
                        } else if (a >= scale.min() && a <= scale.max()) {
                            row[j] = items.get(j).reverse() ? scale.min() + scale.max() - a : a;
                            sum += row[j];
                            answered++;
                        }
                    }
                    itemScores[f][r] = row;
                    boolean enough = COMPLETE.equals(policy) ? answered == items.size() : answered > 0;
                    factorMeans[f][r] = enough ? sum / answered : Double.NaN;
                }
            }
        }

        static WaveAnswers of(Instrument inst, String wave, List<SurveyResponse> responses, String policy,
                              List<Warning> warnings) {
            Map<String, List<SurveyResponse>> byRespondent = new TreeMap<>();
            for (SurveyResponse r : responses) {
                byRespondent.computeIfAbsent(r.respondent(), k -> new ArrayList<>()).add(r);
            }
            List<SurveyResponse> kept = new ArrayList<>();
            int duplicated = 0;
            for (List<SurveyResponse> list : byRespondent.values()) {
                if (list.size() == 1) {
                    kept.add(list.get(0));
                } else {
                    duplicated++;
                }
            }
            if (duplicated > 0) {
                // Which of several responses is the real one cannot be told; counting none keeps the result order-free.
                warnings.add(new Warning(DUPLICATE_RESPONSES, ID, String.format(Locale.ROOT,
                        "%d respondents answered instrument '%s' more than once in wave %s; their responses were left out",
                        duplicated, inst.id(), wave)));
            }
            return new WaveAnswers(inst, wave, policy, kept);
        }

        double[] categoryMeans(String category) {
            List<Integer> fs = new ArrayList<>();
            for (int f = 0; f < inst.factors().size(); f++) {
                if (inst.factors().get(f).category().equals(category)) {
                    fs.add(f);
                }
            }
            return meansOver(fs);
        }

        double[] overallMeans() {
            List<Integer> fs = new ArrayList<>();
            for (int f = 0; f < inst.factors().size(); f++) {
                fs.add(f);
            }
            return meansOver(fs);
        }

        int dontKnowIn(String category) {
            int c = 0;
            for (int f = 0; f < inst.factors().size(); f++) {
                if (inst.factors().get(f).category().equals(category)) {
                    c += dontKnow[f];
                }
            }
            return c;
        }

        private double[] meansOver(List<Integer> fs) {
            double[] out = new double[partners.length];
            for (int r = 0; r < out.length; r++) {
                double s = 0;
                int k = 0;
                for (int f : fs) {
                    if (!Double.isNaN(factorMeans[f][r])) {
                        s += factorMeans[f][r];
                        k++;
                    }
                }
                boolean enough = COMPLETE.equals(policy) ? k == fs.size() && k > 0 : k > 0;
                out[r] = enough ? s / k : Double.NaN;
            }
            return out;
        }
    }
}
