/**
 * Human-readable reports of an evaluation. Entry point: {@link dev.partnership.examples.report.MarkdownReport}.
 */
package dev.partnership.examples.report;
