/**
 * Reading and writing the versioned data formats, each documented by a JSON Schema under {@code docs/schema}.
 * Entry points: {@link dev.partnership.io.DatasetReader} and {@link dev.partnership.io.DatasetWriter} for
 * {@code partnership-dataset/1}, {@link dev.partnership.io.EvaluationJson} for {@code partnership-evaluation/1},
 * {@link dev.partnership.io.TrendJson} for {@code partnership-trend/1} (evaluations at several dates),
 * {@link dev.partnership.io.EvaluationCsv} for the CSV view of evaluations (one row per score),
 * {@link dev.partnership.io.CsvDatasetReader} and {@link dev.partnership.io.CsvDatasetWriter} for datasets as a JSON
 * skeleton plus CSV evidence ({@code docs/csv-input.md}), {@link dev.partnership.io.XapiReader} with
 * {@link dev.partnership.io.XapiMapping} for engagement signals from xAPI statements ({@code docs/xapi.md}), and
 * {@link dev.partnership.io.ConfigReader} for {@code partnership-config/1}. Readers treat input as untrusted:
 * they are strict, bounded by {@link dev.partnership.io.ReadLimits}, and report every problem with its JSON
 * pointer in one exception. Writers are deterministic: the same value always gives the same bytes.
 */
package dev.partnership.io;
