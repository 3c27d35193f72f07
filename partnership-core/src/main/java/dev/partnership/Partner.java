package dev.partnership;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An organisation taking part in a partnership.
 *
 * <p>Immutable and thread-safe. {@code attributes} are free-form string properties (for example
 * {@code capacity} or {@code region}); they are copied into a map sorted by key so that output is deterministic.
 *
 * @param id         identifier, unique within the partnership; non-blank
 * @param name       display name; non-blank
 * @param type       kind of organisation
 * @param attributes additional properties, never {@code null} (empty when there are none)
 */
public record Partner(String id, String name, PartnerType type, Map<String, String> attributes) {

    /** Validates and copies the components; see the record description for the rules. */
    public Partner {
        id = Identifiers.requireId(id, "partner id");
        name = Identifiers.requireText(name, "partner name");
        Objects.requireNonNull(type, "type");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
        attributes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute key");
            Objects.requireNonNull(v, () -> "attribute '" + k + "'");
        });
    }

    /**
     * Creates a partner without attributes.
     *
     * @param id   identifier
     * @param name display name
     * @param type kind of organisation
     */
    public Partner(String id, String name, PartnerType type) {
        this(id, name, type, Map.of());
    }
}
