/**
 * Human-readable reports of an evaluation or a trend. Entry points:
 * {@link dev.partnership.examples.report.MarkdownReport} and {@link dev.partnership.examples.report.TrendReport}
 * (Markdown), and {@link dev.partnership.examples.report.HtmlReport} (one self-contained HTML page with inline SVG
 * charts).
 */
package dev.partnership.examples.report;
