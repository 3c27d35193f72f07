/**
 * Implementation details of the core module; not exported, not API. Entry point:
 * {@link dev.partnership.internal.PartnershipValidator}.
 */
package dev.partnership.internal;
