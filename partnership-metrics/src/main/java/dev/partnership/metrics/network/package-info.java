/**
 * Network strategies: the structure of the partners' tie network, their Levels of Collaboration and their global
 * trust. Entry points are the providers:
 * <ul>
 *   <li>{@link dev.partnership.metrics.network.NetworkStructureProvider} creates
 *       {@link dev.partnership.metrics.network.NetworkStructure} ({@code network-structure}: density, Freeman degree
 *       centralization and reciprocity of the tie network); the measures themselves are in
 *       {@link dev.partnership.metrics.network.TieNetwork}, which works without the scoring SPI.</li>
 *   <li>{@link dev.partnership.metrics.network.CollaborationLevelsProvider} creates
 *       {@link dev.partnership.metrics.network.CollaborationLevels} ({@code collaboration-levels}: mutual strength of
 *       collaboration per pair and for the partnership, asymmetric pairs flagged).</li>
 *   <li>{@link dev.partnership.metrics.network.EigenTrustProvider} creates
 *       {@link dev.partnership.metrics.network.EigenTrustStrategy} ({@code eigentrust}: global trust per partner,
 *       Kamvar et al. 2003); the sparse iteration itself is {@link dev.partnership.metrics.network.EigenTrust}, which
 *       works without the scoring SPI.</li>
 * </ul>
 */
package dev.partnership.metrics.network;
