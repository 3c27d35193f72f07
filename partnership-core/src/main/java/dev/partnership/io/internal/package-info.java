/**
 * How the {@code dev.partnership.io} formats are parsed and bound; not exported, not API. Entry point:
 * {@link dev.partnership.io.internal.StrictTreeParser}, which turns untrusted bytes into a Jackson tree under
 * {@link dev.partnership.io.ReadLimits}; {@link dev.partnership.io.internal.TreeBinder} then reads typed values
 * from the tree, and {@link dev.partnership.io.internal.DatasetBinder},
 * {@link dev.partnership.io.internal.EvaluationBinder} and {@link dev.partnership.io.internal.ConfigBinder} build
 * the model, collecting every problem with its JSON pointer. CSV input: {@link dev.partnership.io.internal.CsvTable}
 * reads rows with their physical line numbers under the same limits, and
 * {@link dev.partnership.io.internal.CsvDatasetBinder} turns them into records, locating problems by file, line and
 * column. {@link dev.partnership.io.internal.XapiStatementParser} reads xAPI statements from the strict tree.
 */
package dev.partnership.io.internal;
