package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnership.internal.JsonPointers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the properties of one JSON object through a {@link TreeBinder}. Obtained from
 * {@link TreeBinder#object(JsonNode, String, List)}, which has already reported unknown properties.
 *
 * <p>Conventions: a <em>required</em> property that is missing is reported at the object's pointer
 * ({@code missing required property 'id'}); one that is {@code null} or of the wrong type is reported at its own
 * pointer. An <em>optional</em> property that is missing or {@code null} is absent (the method returns
 * {@code null}, the stated default, or an empty collection). Every method returns {@code null} after reporting a
 * problem. Not thread-safe.
 */
public final class ObjectBinding {
    private final TreeBinder binder;
    private final ObjectNode node;
    private final String at;

    ObjectBinding(TreeBinder binder, ObjectNode node, String at) {
        this.binder = binder;
        this.node = node;
        this.at = at;
    }

    /**
     * Returns the object's pointer.
     *
     * @return the pointer
     */
    public String at() {
        return at;
    }

    /**
     * Returns a property's pointer.
     *
     * @param key property name
     * @return the pointer
     */
    public String at(String key) {
        return JsonPointers.child(at, key);
    }

    /**
     * Returns whether a property is present and not {@code null}.
     *
     * @param key property name
     * @return {@code true} when it has a value
     */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /**
     * Returns a required property's node, which may be JSON {@code null}, after reporting it when missing.
     *
     * @param key property name
     * @return the node, or {@code null} when missing
     */
    public JsonNode required(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            binder.report(at, "missing required property '" + key + "'");
        }
        return v;
    }

    /**
     * Returns an optional property's node.
     *
     * @param key property name
     * @return the node, or {@code null} when missing or JSON {@code null}
     */
    public JsonNode optional(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * Binds a required string.
     *
     * @param key property name
     * @return the string, or {@code null} after a problem
     */
    public String string(String key) {
        JsonNode v = required(key);
        return v == null ? null : binder.string(v, at(key));
    }

    /**
     * Binds an optional string.
     *
     * @param key property name
     * @return the string, or {@code null} when absent or after a problem
     */
    public String optionalString(String key) {
        JsonNode v = optional(key);
        return v == null ? null : binder.string(v, at(key));
    }

    /**
     * Binds a required timestamp.
     *
     * @param key property name
     * @return the instant, or {@code null} after a problem
     */
    public Instant instant(String key) {
        JsonNode v = required(key);
        return v == null ? null : binder.instant(v, at(key));
    }

    /**
     * Binds an optional timestamp.
     *
     * @param key property name
     * @return the instant, or {@code null} when absent or after a problem
     */
    public Instant optionalInstant(String key) {
        JsonNode v = optional(key);
        return v == null ? null : binder.instant(v, at(key));
    }

    /**
     * Binds a required finite number.
     *
     * @param key property name
     * @return the number, or {@code null} after a problem
     */
    public Double number(String key) {
        JsonNode v = required(key);
        return v == null ? null : binder.number(v, at(key));
    }

    /**
     * Binds an optional finite number.
     *
     * @param key property name
     * @return the number, or {@code null} when absent or after a problem
     */
    public Double optionalNumber(String key) {
        JsonNode v = optional(key);
        return v == null ? null : binder.number(v, at(key));
    }

    /**
     * Binds an optional finite number with a default.
     *
     * @param key          property name
     * @param defaultValue the value when absent
     * @return the number, the default, or {@code null} after a problem
     */
    public Double number(String key, double defaultValue) {
        JsonNode v = optional(key);
        return v == null ? Double.valueOf(defaultValue) : binder.number(v, at(key));
    }

    /**
     * Binds a required whole number within the range of {@code int}.
     *
     * @param key property name
     * @return the number, or {@code null} after a problem
     */
    public Integer integer(String key) {
        JsonNode v = required(key);
        return v == null ? null : binder.integer(v, at(key));
    }

    /**
     * Binds an optional whole number within the range of {@code int}.
     *
     * @param key property name
     * @return the number, or {@code null} when absent or after a problem
     */
    public Integer optionalInteger(String key) {
        JsonNode v = optional(key);
        return v == null ? null : binder.integer(v, at(key));
    }

    /**
     * Binds an optional boolean with a default.
     *
     * @param key          property name
     * @param defaultValue the value when absent
     * @return the boolean, the default, or {@code null} after a problem
     */
    public Boolean bool(String key, boolean defaultValue) {
        JsonNode v = optional(key);
        return v == null ? Boolean.valueOf(defaultValue) : binder.bool(v, at(key));
    }

    /**
     * Binds a required enum constant.
     *
     * @param <E>  the enum type
     * @param key  property name
     * @param type the enum class
     * @param what what the value is, for messages
     * @return the constant, or {@code null} after a problem
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, String what) {
        JsonNode v = required(key);
        return v == null ? null : binder.enumValue(v, at(key), type, what);
    }

    /**
     * Binds an optional array of strings.
     *
     * @param key property name
     * @return the strings (empty when absent), or {@code null} after a problem
     */
    public List<String> strings(String key) {
        return list(key, binder::string);
    }

    /**
     * Binds an optional array of finite numbers.
     *
     * @param key property name
     * @return the numbers (empty when absent), or {@code null} after a problem
     */
    public List<Double> numbers(String key) {
        return list(key, binder::number);
    }

    /**
     * Binds an optional array whose elements are bound by {@code element}.
     *
     * @param <T>     what each element becomes
     * @param key     property name
     * @param element binds one element
     * @return the elements (empty when absent), or {@code null} when any element failed
     */
    public <T> List<T> list(String key, TreeBinder.ElementBinder<T> element) {
        JsonNode v = optional(key);
        if (v == null) {
            return new ArrayList<>();
        }
        List<T> out = binder.elements(v, at(key), element);
        return out == null || out.contains(null) ? null : out;
    }

    /**
     * Binds an optional array of records, keeping the elements that failed as {@code null} so that the caller
     * can tell which did.
     *
     * @param <T>     what each element becomes
     * @param key     property name
     * @param element binds one element
     * @return the elements (empty when absent, {@code null} in place of a failed element), or {@code null} when
     *         the property is not an array
     */
    public <T> List<T> records(String key, TreeBinder.ElementBinder<T> element) {
        JsonNode v = optional(key);
        if (v == null) {
            return new ArrayList<>();
        }
        return binder.elements(v, at(key), element);
    }

    /**
     * Binds an optional object whose values are strings, keeping the document's key order.
     *
     * @param key property name
     * @return the map (empty when absent), or {@code null} after a problem
     */
    public Map<String, String> stringMap(String key) {
        return map(key, binder::string);
    }

    /**
     * Binds an optional object whose values are whole numbers within the range of {@code int}, keeping the
     * document's key order.
     *
     * @param key property name
     * @return the map (empty when absent), or {@code null} after a problem
     */
    public Map<String, Integer> integerMap(String key) {
        return map(key, binder::integer);
    }

    /**
     * Binds an optional object whose values are bound by {@code value}, keeping the document's key order.
     *
     * @param <T>   what each value becomes
     * @param key   property name
     * @param value binds one value
     * @return the map (empty when absent), or {@code null} after a problem
     */
    public <T> Map<String, T> map(String key, TreeBinder.ElementBinder<T> value) {
        JsonNode v = optional(key);
        Map<String, T> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        String where = at(key);
        if (!v.isObject()) {
            binder.report(where, "expected an object, found " + TreeBinder.describe(v));
            return null;
        }
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            T t = value.bind(e.getValue(), JsonPointers.child(where, e.getKey()));
            if (t == null) {
                ok = false;
            } else {
                out.put(e.getKey(), t);
            }
        }
        return ok ? out : null;
    }
}
