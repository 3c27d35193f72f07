/**
 * The partnership model and its evaluation. Entry point: {@link dev.partnership.Evaluator}, which turns a
 * {@link dev.partnership.Partnership} into an {@link dev.partnership.Evaluation}.
 *
 * <p>All model types are immutable records validated in their constructors; optional components are
 * {@code null} when absent and collections are never {@code null}.
 */
package dev.partnership;
