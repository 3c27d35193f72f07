package dev.partnership.spi;

import java.util.List;
import java.util.Objects;

/**
 * Declares one parameter a strategy accepts: its name, type, default, range and meaning. Immutable and
 * thread-safe; create with the static factories.
 *
 * @param name         parameter name, as written in {@code partnership-config/1} under {@code strategies.<id>}
 * @param type         the value type
 * @param defaultValue the default ({@link Double}, {@link Long}, {@link Boolean}, {@link String} or
 *                     {@code List<String>}), or {@code null} when the parameter is unset by default
 * @param min          inclusive lower bound for numbers ({@code -Infinity} when unbounded)
 * @param max          inclusive upper bound for numbers ({@code +Infinity} when unbounded)
 * @param choices      the allowed values of a {@link Type#CHOICE}, else empty
 * @param description  what the parameter does, with its unit
 */
public record ParameterSpec(String name, Type type, Object defaultValue, double min, double max,
                            List<String> choices, String description) {

    /** Parameter value types. */
    public enum Type {
        /** A finite real number ({@link Double}). */
        NUMBER,
        /** A whole number ({@link Long}). */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of a fixed set of strings. */
        CHOICE,
        /** A list of strings. */
        STRING_LIST
    }

    /** Validates and copies the components. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(description, "description");
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range for parameter " + name);
        }
    }

    /**
     * A real-valued parameter.
     *
     * @param name         name
     * @param defaultValue default, or {@code null} for unset
     * @param min          inclusive minimum
     * @param max          inclusive maximum
     * @param description  meaning and unit
     * @return the specification
     */
    public static ParameterSpec number(String name, Double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, Type.NUMBER, defaultValue, min, max, List.of(), description);
    }

    /**
     * A whole-number parameter.
     *
     * @param name         name
     * @param defaultValue default, or {@code null} for unset
     * @param min          inclusive minimum
     * @param max          inclusive maximum
     * @param description  meaning and unit
     * @return the specification
     */
    public static ParameterSpec integer(String name, Long defaultValue, long min, long max, String description) {
        return new ParameterSpec(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /**
     * A boolean parameter.
     *
     * @param name         name
     * @param defaultValue default
     * @param description  meaning
     * @return the specification
     */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, Type.BOOLEAN, defaultValue, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, List.of(), description);
    }

    /**
     * A parameter taking one of a fixed set of strings.
     *
     * @param name         name
     * @param defaultValue default, one of {@code choices}
     * @param choices      allowed values
     * @param description  meaning
     * @return the specification
     */
    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        if (defaultValue != null && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default " + defaultValue + " is not among the choices of " + name);
        }
        return new ParameterSpec(name, Type.CHOICE, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                choices, description);
    }

    /**
     * A list-of-strings parameter, empty by default.
     *
     * @param name        name
     * @param description meaning
     * @return the specification
     */
    public static ParameterSpec strings(String name, String description) {
        return new ParameterSpec(name, Type.STRING_LIST, List.of(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(), description);
    }
}
