/**
 * Alignment strategies: how far the partners agree on what matters, and whether their goals are well formed.
 * Entry points, one provider per strategy:
 * <ul>
 *   <li>{@link dev.partnership.metrics.alignment.KendallWProvider} creates
 *       {@link dev.partnership.metrics.alignment.KendallW} ({@code kendall-w}): Kendall's W of the partners' goal
 *       priorities with the tie correction and its χ² test, W per goal category, and each goal's agreement; the
 *       concordance arithmetic is in {@link dev.partnership.metrics.alignment.Concordance}.</li>
 *   <li>{@link dev.partnership.metrics.alignment.PrioritySimilarityProvider} creates
 *       {@link dev.partnership.metrics.alignment.PrioritySimilarity} ({@code priority-similarity}): pairwise cosine
 *       and weighted Jaccard of priority vectors and the least-aligned partner; the measures themselves are in
 *       {@link dev.partnership.metrics.alignment.PrioritySimilarityMeasures}.</li>
 *   <li>{@link dev.partnership.metrics.alignment.RaterAgreementProvider} creates
 *       {@link dev.partnership.metrics.alignment.RaterAgreement} ({@code rater-agreement}): intraclass correlation
 *       and Krippendorff's α over priorities and dyadic ratings.</li>
 *   <li>{@link dev.partnership.metrics.alignment.GoalStructureProvider} creates
 *       {@link dev.partnership.metrics.alignment.GoalStructure} ({@code goal-structure}): a SMART check of each goal
 *       and ownership coverage.</li>
 * </ul>
 * Strategies that need a complete partners × goals matrix share one listwise selection of goals and partners.
 */
package dev.partnership.metrics.alignment;
