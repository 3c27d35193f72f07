package dev.partnership.spi;

import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.internal.JsonPointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strategy's parameter values, checked against its {@link ParameterSpec}s with defaults filled in. Immutable
 * and thread-safe.
 */
public final class StrategyParameters {
    private final Map<String, Object> values;

    private StrategyParameters(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Checks configured values against specifications and fills in defaults. Every problem is reported at once,
     * located at {@code /strategies/<strategyId>/<name>}: an unknown name, a value of the wrong type, a number
     * out of range, a choice not allowed. Integral numbers are accepted for {@link ParameterSpec.Type#NUMBER}
     * parameters, and {@link Double}s with no fractional part for {@link ParameterSpec.Type#INTEGER} ones.
     *
     * @param strategyId the strategy's id, for locations
     * @param specs      the declared parameters
     * @param configured the configured values (may be empty)
     * @return the checked parameters
     * @throws InvalidConfigException when any value is unacceptable
     */
    public static StrategyParameters of(String strategyId, List<ParameterSpec> specs, Map<String, Object> configured) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            byName.put(s.name(), s);
        }
        List<Problem> problems = new ArrayList<>();
        String base = JsonPointers.child("/strategies", strategyId);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (s.defaultValue() != null) {
                values.put(s.name(), s.defaultValue());
            }
        }
        for (Map.Entry<String, Object> e : configured.entrySet()) {
            String at = JsonPointers.child(base, e.getKey());
            ParameterSpec spec = byName.get(e.getKey());
            if (spec == null) {
                problems.add(new Problem(at, String.format(Locale.ROOT, "strategy '%s' has no parameter '%s'; it accepts %s",
                        strategyId, e.getKey(), byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
                continue;
            }
            Object v = convert(spec, e.getValue(), at, problems);
            if (v != null) {
                values.put(spec.name(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(null, problems);
        }
        return new StrategyParameters(Collections.unmodifiableMap(values));
    }

    /**
     * Returns parameters holding only the defaults of {@code specs}.
     *
     * @param strategyId the strategy id
     * @param specs      the declared parameters
     * @return the defaults
     */
    public static StrategyParameters defaults(String strategyId, List<ParameterSpec> specs) {
        return of(strategyId, specs, Map.of());
    }

    private static Object convert(ParameterSpec spec, Object raw, String at, List<Problem> problems) {
        switch (spec.type()) {
            case NUMBER: {
                if (!(raw instanceof Number)) {
                    problems.add(new Problem(at, "expected a number, found " + describe(raw)));
                    return null;
                }
                double d = ((Number) raw).doubleValue();
                if (!Double.isFinite(d) || d < spec.min() || d > spec.max()) {
                    problems.add(new Problem(at, String.format(Locale.ROOT, "%s must lie in [%s, %s], was %s",
                            spec.name(), fmt(spec.min()), fmt(spec.max()), raw)));
                    return null;
                }
                return d;
            }
            case INTEGER: {
                if (!(raw instanceof Number) || ((Number) raw).doubleValue() != Math.rint(((Number) raw).doubleValue())) {
                    problems.add(new Problem(at, "expected a whole number, found " + describe(raw)));
                    return null;
                }
                long l = ((Number) raw).longValue();
                if (l < spec.min() || l > spec.max()) {
                    problems.add(new Problem(at, String.format(Locale.ROOT, "%s must lie in [%s, %s], was %d",
                            spec.name(), fmt(spec.min()), fmt(spec.max()), l)));
                    return null;
                }
                return l;
            }
            case BOOLEAN:
                if (!(raw instanceof Boolean)) {
                    problems.add(new Problem(at, "expected true or false, found " + describe(raw)));
                    return null;
                }
                return raw;
            case CHOICE:
                if (!(raw instanceof String) || !spec.choices().contains(raw)) {
                    problems.add(new Problem(at, String.format(Locale.ROOT, "expected one of %s, found %s",
                            String.join(", ", spec.choices()), describe(raw))));
                    return null;
                }
                return raw;
            case STRING_LIST: {
                if (!(raw instanceof List)) {
                    problems.add(new Problem(at, "expected a list of strings, found " + describe(raw)));
                    return null;
                }
                List<String> out = new ArrayList<>();
                List<?> list = (List<?>) raw;
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof String)) {
                        problems.add(new Problem(at + "/" + i, "expected a string, found " + describe(list.get(i))));
                        return null;
                    }
                    out.add((String) list.get(i));
                }
                return List.copyOf(out);
            }
            default:
                throw new IllegalStateException("unhandled parameter type " + spec.type());
        }
    }

    private static String fmt(double d) {
        if (d == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (d == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String) {
            return "the string \"" + raw + "\"";
        }
        return raw.toString();
    }

    /**
     * Returns whether a parameter has a value (configured or by default).
     *
     * @param name parameter name
     * @return {@code true} when set
     */
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /**
     * Returns a {@link ParameterSpec.Type#NUMBER} parameter.
     *
     * @param name parameter name
     * @return its value, or {@code NaN} when unset
     */
    public double number(String name) {
        Object v = values.get(name);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /**
     * Returns an {@link ParameterSpec.Type#INTEGER} parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalStateException when unset
     */
    public long integer(String name) {
        return ((Number) require(name)).longValue();
    }

    /**
     * Returns a {@link ParameterSpec.Type#BOOLEAN} parameter.
     *
     * @param name parameter name
     * @return its value
     * @throws IllegalStateException when unset
     */
    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    /**
     * Returns a {@link ParameterSpec.Type#CHOICE} parameter.
     *
     * @param name parameter name
     * @return its value, or {@code null} when unset
     */
    public String choice(String name) {
        return (String) values.get(name);
    }

    /**
     * Returns a {@link ParameterSpec.Type#STRING_LIST} parameter.
     *
     * @param name parameter name
     * @return its value, empty when unset
     */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    /**
     * Returns every set value by name, in declaration order, for reports.
     *
     * @return the values
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter " + name + " is not set");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
