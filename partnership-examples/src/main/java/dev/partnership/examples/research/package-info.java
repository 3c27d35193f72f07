/**
 * The education researcher's example: {@link dev.partnership.examples.research.ResearchScript} imports CSV
 * exports, evaluates at several dates and writes CSV and HTML.
 */
package dev.partnership.examples.research;
