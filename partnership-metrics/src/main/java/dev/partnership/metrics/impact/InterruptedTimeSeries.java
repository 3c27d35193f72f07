package dev.partnership.metrics.impact;

import dev.partnership.Dimension;
import dev.partnership.Direction;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Interval;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Score;
import dev.partnership.Subject;
import dev.partnership.Warning;
import dev.partnership.metrics.stats.ExplanationNumbers;
import dev.partnership.metrics.stats.OrdinaryLeastSquares;
import dev.partnership.spi.EvidenceIndex;
import dev.partnership.spi.ScoringContext;
import dev.partnership.spi.ScoringStrategy;
import dev.partnership.spi.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Impact as the break in each goal's partnership series at the partnership's start: segmented regression of an
 * interrupted time series; strategy id {@value #ID}. Source: Wagner, A. K., Soumerai, S. B., Zhang, F. &amp;
 * Ross-Degnan, D. (2002), "Segmented regression analysis of interrupted time series studies in medication use
 * research", <i>Journal of Clinical Pharmacy and Therapeutics</i> 27:299–309.
 *
 * <p><b>Per goal</b> ({@code Subject.goal}), for every goal with an indicator (else {@code INSUFFICIENT_EVIDENCE}
 * with warning {@code GOAL_DEFINITION}). The series is every {@code PARTNERSHIP}-group measurement mean at or
 * before asOf, in time order; points strictly before the start are "before", the rest "after". Fewer than
 * {@value #MIN_POINTS_PER_SEGMENT} points before or after, fewer than two distinct instants on either side (a
 * segment's trend is then unidentified), or a design that cannot otherwise be fitted, gives
 * {@code INSUFFICIENT_EVIDENCE} with a reason and a warning.
 * <ul>
 *   <li>Model {@code y = β0 + β1 t + β2 post + β3 (t − t0) post + ε}, t in years (365.25 days) since the first
 *       point, t0 the start in the same scale, post = 1 from the start on; fitted by ordinary least squares
 *       ({@link OrdinaryLeastSquares}, Commons Math QR). β2 is the level change at the start, β3 the slope change
 *       per year.</li>
 *   <li>Standard errors from the OLS covariance; intervals {@code β ± t_{1−α/2, n−4} · se(β)} (Student t,
 *       df = n − 4).</li>
 *   <li>Direction-aware: with {@code s = +1} for {@link Direction#HIGHER_IS_BETTER} and {@code −1} otherwise,
 *       {@code value = s · β2} (positive = improvement) and {@code slopeChange = s · β3}; intervals flip with
 *       them. The raw β's are in the details.</li>
 *   <li>Counterfactual: {@code β0 + β1 t} at each after-point (the pre-start trend continued), with the observed
 *       mean, in detail {@code counterfactual}.</li>
 *   <li>Durbin–Watson statistic of the residuals in time order; warning {@value #AUTOCORRELATED_RESIDUALS} when it
 *       lies outside [{@value #DEFAULT_DURBIN_WATSON_LOW}, {@value #DEFAULT_DURBIN_WATSON_HIGH}] (the common rule
 *       of thumb: near 2 means no first-order autocorrelation; OLS standard errors are then too small or too large).
 *       Undefined (detail note) when every residual is zero.</li>
 *   <li>{@code normalized} is left unset: a level change in indicator units has no natural map to [0, 1].</li>
 * </ul>
 * Measurement standard errors are not used: the model's residual variance carries the noise (Wagner et al.).
 *
 * <p><b>Partnership.</b> No partnership-subject score: effects in different units do not average, and the
 * summary of impact is left to {@code effect-size} and {@code target-attainment}.
 *
 * <p>Scores come in goal id order. Cost O(G + M) for G goals and M measurements. Immutable, stateless and
 * thread-safe.
 */
public final class InterruptedTimeSeries implements ScoringStrategy {
    /** The strategy id. */
    public static final String ID = "interrupted-time-series";

    /** Warning code: the residuals look autocorrelated, so the standard errors are doubtful. */
    public static final String AUTOCORRELATED_RESIDUALS = "AUTOCORRELATED_RESIDUALS";

    /** Minimum number of points before and after the start. */
    public static final int MIN_POINTS_PER_SEGMENT = 3;

    /** Durbin–Watson values below this raise {@value #AUTOCORRELATED_RESIDUALS}. */
    public static final double DEFAULT_DURBIN_WATSON_LOW = 1.5;

    /** Durbin–Watson values above this raise {@value #AUTOCORRELATED_RESIDUALS}. */
    public static final double DEFAULT_DURBIN_WATSON_HIGH = 2.5;

    private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;

    /** Creates the strategy; it has no parameters. */
    public InterruptedTimeSeries() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dimension dimension() {
        return Dimension.IMPACT;
    }

    /**
     * Scores every goal, as described in the class documentation.
     *
     * @param context the evidence and evaluation settings
     * @return one score per goal, and warnings for goals not scored or with autocorrelated residuals
     */
    @Override
    public StrategyResult score(ScoringContext context) {
        EvidenceIndex ev = context.evidence();
        List<Score> scores = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int gi = 0; gi < ev.goalCount(); gi++) {
            scores.add(goalScore(ev.goal(gi), ev.measurements(gi), context, warnings));
        }
        return new StrategyResult(scores, warnings);
    }

    private static Score goalScore(Goal goal, List<Measurement> measurements, ScoringContext context,
                                   List<Warning> warnings) {
        String id = goal.id();
        Score.Builder b = Score.builder(ID, Dimension.IMPACT, Subject.goal(id));
        Indicator ind = goal.indicator();
        if (ind == null) {
            String reason = "Goal " + id + " has no indicator, so it has no series to analyse.";
            warnings.add(new Warning(Warning.GOAL_DEFINITION, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        Instant start = context.partnership().start();
        List<Measurement> series = new ArrayList<>();
        int before = 0;
        for (Measurement m : measurements) {
            if (m.group() == MeasurementGroup.PARTNERSHIP) {
                series.add(m);
                if (m.at().isBefore(start)) {
                    before++;
                }
            }
        }
        int after = series.size() - before;
        if (before >= MIN_POINTS_PER_SEGMENT && after >= MIN_POINTS_PER_SEGMENT
                && (!distinctTimes(series.subList(0, before))
                || !distinctTimes(series.subList(before, series.size())))) {
            String reason = String.format(Locale.ROOT, "Goal %s: the measurements before or since the start (%s) all "
                    + "fall on one instant, so that segment's trend cannot be estimated.", id, date(start));
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        if (before < MIN_POINTS_PER_SEGMENT || after < MIN_POINTS_PER_SEGMENT) {
            String reason = String.format(Locale.ROOT,
                    "Goal %s has %d partnership measurement%s before the start (%s) and %d since, as of %s; an "
                            + "interrupted time series needs at least %d on each side.",
                    id, before, before == 1 ? "" : "s", date(start), after, date(context.asOf()),
                    MIN_POINTS_PER_SEGMENT);
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        int n = series.size();
        long first = series.get(0).at().toEpochMilli();
        double t0 = (start.toEpochMilli() - first) / MILLIS_PER_YEAR;
        double[] y = new double[n];
        double[] t = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            Measurement m = series.get(i);
            y[i] = m.mean();
            t[i] = (m.at().toEpochMilli() - first) / MILLIS_PER_YEAR;
            double post = m.at().isBefore(start) ? 0 : 1;
            x[i] = new double[] {t[i], post, (t[i] - t0) * post};
        }
        OrdinaryLeastSquares fit;
        try {
            fit = OrdinaryLeastSquares.fit(y, x);
        } catch (IllegalArgumentException e) {
            String reason = String.format(Locale.ROOT, "Goal %s: the segmented regression cannot be fitted because "
                    + "the measurement times do not separate level and trend (%s).", id, e.getMessage());
            warnings.add(new Warning(Warning.INSUFFICIENT_EVIDENCE, ID, reason));
            return b.insufficient(reason).explanation(reason).build();
        }
        double[] beta = fit.coefficients();
        double[] se = fit.standardErrors();
        int df = fit.degreesOfFreedom();
        double level = context.confidenceLevel();
        double tq = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
        int sign = ind.direction().sign();
        double levelChange = sign * beta[2];
        double slopeChange = sign * beta[3];
        Interval levelInterval = new Interval(levelChange - tq * se[2], levelChange + tq * se[2], level);
        Interval slopeInterval = new Interval(slopeChange - tq * se[3], slopeChange + tq * se[3], level);

        List<Map<String, Object>> counterfactual = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (x[i][1] == 1) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("at", series.get(i).at().toString());
                point.put("observed", y[i]);
                point.put("counterfactual", beta[0] + beta[1] * t[i]);
                counterfactual.add(point);
            }
        }
        Map<String, Object> slopeCi = new LinkedHashMap<>();
        slopeCi.put("low", slopeInterval.low());
        slopeCi.put("high", slopeInterval.high());
        b.value(levelChange).interval(levelInterval).n(n)
                .detail("direction", ind.direction().name())
                .detail("beta0", beta[0]).detail("beta1", beta[1]).detail("beta2", beta[2]).detail("beta3", beta[3])
                .detail("standardErrorBeta0", se[0]).detail("standardErrorBeta1", se[1])
                .detail("standardErrorBeta2", se[2]).detail("standardErrorBeta3", se[3])
                .detail("levelChange", levelChange).detail("slopeChange", slopeChange)
                .detail("slopeChangeInterval", slopeCi).detail("degreesOfFreedom", df)
                .detail("pointsBefore", before).detail("pointsAfter", after)
                .detail("startYears", t0).detail("counterfactual", counterfactual)
                .detail("method", "segmented OLS y = b0 + b1 t + b2 post + b3 (t - t0) post, t in years since the "
                        + "first point; t intervals with n - 4 degrees of freedom");
        if (!Double.isNaN(fit.rSquared())) {
            b.detail("rSquared", fit.rSquared());
        }
        double dw = fit.durbinWatson();
        if (Double.isNaN(dw)) {
            b.detail("durbinWatsonNote", "the fit is perfect (residuals are rounding noise), so the Durbin-Watson "
                    + "statistic is undefined");
        } else {
            b.detail("durbinWatson", dw);
            if (dw < DEFAULT_DURBIN_WATSON_LOW || dw > DEFAULT_DURBIN_WATSON_HIGH) {
                warnings.add(new Warning(AUTOCORRELATED_RESIDUALS, ID, String.format(Locale.ROOT,
                        "goal %s: the Durbin-Watson statistic of the segmented regression is %s, outside [%s, %s], "
                                + "so the residuals look %s autocorrelated and the intervals may be too %s",
                        id, ExplanationNumbers.twoDecimals(dw), DEFAULT_DURBIN_WATSON_LOW, DEFAULT_DURBIN_WATSON_HIGH,
                        dw < DEFAULT_DURBIN_WATSON_LOW ? "positively" : "negatively",
                        dw < DEFAULT_DURBIN_WATSON_LOW ? "narrow" : "wide")));
            }
        }
        String unit = ind.unit() == null ? "units" : ind.unit();
        b.explanation(String.format(Locale.ROOT,
                "On goal %s the partnership series %s by %s %s at the start beyond its earlier trend (%s interval %s "
                        + "to %s) and its yearly trend %s by %s %s (positive means improvement; %s), from %d points "
                        + "before and %d after.",
                id, levelChange >= 0 ? "improved" : "worsened", ExplanationNumbers.plain(Math.abs(levelChange)),
                unit, ExplanationNumbers.level(level), ExplanationNumbers.plain(levelInterval.low()),
                ExplanationNumbers.plain(levelInterval.high()), slopeChange >= 0 ? "improved" : "worsened",
                ExplanationNumbers.plain(Math.abs(slopeChange)), unit,
                ind.direction() == Direction.HIGHER_IS_BETTER ? "higher is better"
                        : "lower is better, so the signs of the raw coefficients are flipped",
                before, after));
        return b.build();
    }

    /** Returns whether a time-sorted list of measurements spans at least two instants. */
    private static boolean distinctTimes(List<Measurement> sorted) {
        return !sorted.get(0).at().equals(sorted.get(sorted.size() - 1).at());
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
