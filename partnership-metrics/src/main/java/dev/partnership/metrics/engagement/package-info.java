/**
 * Engagement strategies: how the partners take part in the partnership's work.
 *
 * <p>Entry points are the providers, found by {@link java.util.ServiceLoader}:
 * <ul>
 *   <li>{@link dev.partnership.metrics.engagement.ParticipationProvider} creates
 *       {@link dev.partnership.metrics.engagement.Participation} ({@code participation}): each partner's meeting
 *       attendance and responsiveness with Wilson intervals, its recent activity against its earlier rate, and the
 *       share of partners active in a recent window.</li>
 *   <li>{@link dev.partnership.metrics.engagement.CommunicationCadenceProvider} creates
 *       {@link dev.partnership.metrics.engagement.CommunicationCadence} ({@code communication-cadence}): regularity
 *       of meetings and information sharing (coefficient of variation of the gaps between event days) and how
 *       often conflicts arise and are resolved.</li>
 *   <li>{@link dev.partnership.metrics.engagement.ParticipationEquityProvider} creates
 *       {@link dev.partnership.metrics.engagement.ParticipationEquity} ({@code participation-equity}): how evenly
 *       participation and contributions are spread across partners and partner types (Gini, Theil).</li>
 *   <li>{@link dev.partnership.metrics.engagement.ResourceExchangeProvider} creates
 *       {@link dev.partnership.metrics.engagement.ResourceExchange} ({@code resource-exchange}): resources given and
 *       received, dependence on one funder (HHI) and free riders.</li>
 * </ul>
 *
 * <p>The strategies are immutable and thread-safe; their scores feed the ENGAGEMENT summary.
 */
package dev.partnership.metrics.engagement;
