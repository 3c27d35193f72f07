package dev.partnership;

/**
 * The kind of organisation a {@link Partner} is. Strategies use it to compare partner groups (for example
 * whether businesses take part as much as schools); it never changes a score by itself.
 */
public enum PartnerType {
    /** A single school. */
    SCHOOL,
    /** A school district or local education authority. */
    SCHOOL_DISTRICT,
    /** A university or four-year college. */
    UNIVERSITY,
    /** A community or technical college. */
    COMMUNITY_COLLEGE,
    /** A nonprofit organisation. */
    NONPROFIT,
    /** A community-based organisation that is not a registered nonprofit. */
    COMMUNITY_ORGANIZATION,
    /** A business or employer. */
    BUSINESS,
    /** A government agency (city, county, state). */
    GOVERNMENT,
    /** An organisation of families or parents. */
    FAMILY_ORGANIZATION,
    /** A philanthropic foundation. */
    FOUNDATION,
    /** Any other kind of organisation. */
    OTHER
}
