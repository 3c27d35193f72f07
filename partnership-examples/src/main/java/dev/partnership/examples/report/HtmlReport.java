package dev.partnership.examples.report;

import dev.partnership.Evaluation;
import dev.partnership.Partnership;
import dev.partnership.Trend;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders an {@link Evaluation} (or a {@link Trend} and its latest evaluation) as one self-contained HTML page for
 * a consortium coordinator: a title with the partnership's name and the as-of date; the summary per dimension as
 * bars with interval whiskers, the health index first; the trust network as a graph; the factor scores of
 * {@value #COLLABORATION_FACTORS} against their bands; goal progress against the progress expected by now; with a
 * trend, the dimension summaries across the dates as a line chart; and the warnings as a table.
 *
 * <p><b>Self-contained.</b> Only inline CSS and inline SVG: no {@code <script>}, no external URL of any kind, no
 * fonts or images fetched. A Content-Security-Policy meta element ({@value #CONTENT_SECURITY_POLICY}) makes the
 * browser refuse anything else, should a later change add it by mistake.
 *
 * <p><b>Charts.</b>
 * <ul>
 *   <li>Summary: one bar per {@link dev.partnership.DimensionSummary} on [0, 1] with its interval as a
 *   whisker.</li>
 *   <li>Trust network: partners are nodes placed on a circle in the partnership's partner order (node i of n at
 *   angle −π/2 + 2πi/n, so the layout is deterministic); each OK, first-hand {@value MarkdownReport#BETA_REPUTATION}
 *   pair score (detail {@code derived} not {@code true}) is an arrow from the partner who trusts to the partner
 *   trusted, width {@code 0.75 + 5·E} pixels for trust E, coloured by band: strong from
 *   {@value #DEFAULT_STRONG_TRUST}, moderate from {@value #DEFAULT_MODERATE_TRUST}, weak below (weak arrows are also
 *   dashed, so the band does not rest on colour alone).</li>
 *   <li>Factors: each factor score of {@value #COLLABORATION_FACTORS} is a bar on the instrument's scale, over
 *   shaded regions of the instrument's bands (the built-in bands are STRENGTH ≥ 4, BORDERLINE ≥ 3, CONCERN
 *   below). A {@link dev.partnership.ScoreStatus#SUPPRESSED} factor is shown as "suppressed" with no bar and no
 *   number. Category scores are left to the Markdown report.</li>
 *   <li>Goals: each {@value MarkdownReport#TARGET_ATTAINMENT} goal score is a bar of the share of the way covered
 *   from baseline to target (drawn within 0 to 100%; the printed figure is exact), with its interval and a marker at
 *   the detail {@code expectedProgress}.</li>
 *   <li>Trend: each dimension summary against the as-of dates (x proportional to time), only when a trend is
 *   given.</li>
 * </ul>
 * Each SVG has {@code role="img"}, a {@code <title>} and a {@code <desc>}; each table has header cells.
 *
 * <p>Text from the data (names, titles, ids, explanations, warning messages) is escaped for HTML text and attribute
 * contexts. Numbers use {@link Locale#ROOT}. The output is a pure function of the input: the same input gives the
 * same bytes.
 *
 * <p>Immutable and thread-safe. Cost O(scores log scores + partners²).
 */
public final class HtmlReport {

    /** Id of the collaboration-factors survey strategy (and built-in instrument) whose factors are charted. */
    public static final String COLLABORATION_FACTORS = "collaboration-factors";
    /** Lowest trust value of the "strong" band of the trust network. */
    public static final double DEFAULT_STRONG_TRUST = 0.8;
    /** Lowest trust value of the "moderate" band of the trust network; lower values are "weak". */
    public static final double DEFAULT_MODERATE_TRUST = 0.6;
    /** The Content-Security-Policy of the page: nothing may load but inline styles and data: images. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /** Creates a report. */
    public HtmlReport() {
        // stateless: every rendering keeps its own state
    }

    /**
     * Renders the report of one evaluation, without a trend chart.
     *
     * @param evaluation  the evaluation
     * @param partnership the partnership it evaluated, for names, titles and instruments
     * @return the HTML document
     */
    public String render(Evaluation evaluation, Partnership partnership) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(partnership, "partnership");
        return new HtmlRendering(evaluation, null, partnership).render();
    }

    /**
     * Renders the report of a trend: the trend chart of the dimension summaries and the content of the latest
     * evaluation.
     *
     * @param trend       the trend
     * @param partnership the partnership it evaluated
     * @return the HTML document
     */
    public String render(Trend trend, Partnership partnership) {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(partnership, "partnership");
        List<Evaluation> evaluations = trend.evaluations();
        return new HtmlRendering(evaluations.get(evaluations.size() - 1), trend, partnership).render();
    }

    /**
     * Escapes text for HTML text and double- or single-quoted attribute contexts: {@code & < > " '} become
     * character references and control characters other than tab and line breaks become spaces.
     *
     * @param s text from the data
     * @return the escaped text
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /**
     * Returns the trust band of a trust value: {@code strong}, {@code moderate} or {@code weak}.
     *
     * @param trust a trust value in [0, 1]
     * @return the band name
     */
    static String trustBand(double trust) {
        if (trust >= DEFAULT_STRONG_TRUST) {
            return "strong";
        }
        return trust >= DEFAULT_MODERATE_TRUST ? "moderate" : "weak";
    }
}
