package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnership.Problem;
import dev.partnership.internal.JsonPointers;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads typed values out of a Jackson tree, strictly, and collects a {@link Problem} located by its RFC 6901
 * JSON pointer for every value that does not fit, instead of stopping at the first.
 *
 * <p>Each method returns the value, or {@code null} after reporting a problem; callers compare
 * {@link #problemCount()} before and after binding a record to know whether all of its fields were usable.
 * Rules: strings are JSON strings; numbers are JSON numbers that are finite as doubles; integers are JSON numbers
 * with no fractional part within the target type's range ({@code 3.0} is accepted, like JSON Schema's
 * {@code integer}); timestamps are strings matching {@link #TIMESTAMP} (an ISO-8601 date-time with {@code Z} or
 * an offset, or a plain date read as the start of that day in UTC) that name a real calendar time; enum values
 * are the exact constant names.
 *
 * <p>Not thread-safe: one instance collects the problems of one document.
 */
public final class TreeBinder {
    /**
     * The accepted timestamp syntax: a date, or a date-time with optional seconds and up to nine fraction digits,
     * followed by {@code Z} or an offset. Years have four digits, or a sign and more digits (as
     * {@link Instant#toString()} writes years beyond 9999).
     */
    public static final Pattern TIMESTAMP = Pattern.compile(
            "(?:[0-9]{4}|[+-][0-9]{5,10})-[0-9]{2}-[0-9]{2}"
                    + "(?:[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?))?");

    private final List<Problem> problems = new ArrayList<>();

    /** Creates a binder with no problems yet. */
    public TreeBinder() {
    }

    /**
     * Binds one element of an array.
     *
     * @param <T> what the element becomes
     */
    @FunctionalInterface
    public interface ElementBinder<T> {
        /**
         * Binds the element.
         *
         * @param node the element
         * @param at   its JSON pointer
         * @return the bound value, or {@code null} after reporting a problem
         */
        T bind(JsonNode node, String at);
    }

    /**
     * Returns the problems reported so far, in the order reported.
     *
     * @return the live list of problems
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Returns how many problems were reported so far.
     *
     * @return the count
     */
    public int problemCount() {
        return problems.size();
    }

    /**
     * Reports a problem.
     *
     * @param at      JSON pointer of the offending value
     * @param message what is wrong
     */
    public void report(String at, String message) {
        problems.add(new Problem(at, message));
    }

    /**
     * Checks a document's required {@code format} property.
     *
     * @param doc      the document's root object
     * @param expected the format identifier this binder reads
     * @return {@code false} when the document names another format (reported at {@code /format}), in which case
     *         the caller should stop: the rest of another format's content would only produce noise
     */
    public boolean format(ObjectBinding doc, String expected) {
        String format = doc.string("format");
        if (format != null && !expected.equals(format)) {
            report("/format", String.format(Locale.ROOT, "unsupported format '%s'; expected '%s'", format, expected));
            return false;
        }
        return true;
    }

    /**
     * Runs a record constructor, reporting what it rejects ({@link IllegalArgumentException}, or
     * {@link NullPointerException} for a value the binder let through as absent) at the record's pointer.
     *
     * @param <T>         the record type
     * @param at          the record's pointer
     * @param constructor calls the constructor
     * @return the record, or {@code null} after a problem
     */
    public <T> T construct(String at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            report(at, messageOf(e));
            return null;
        }
    }

    /**
     * Returns an exception's message, or its class name when it has none.
     *
     * @param e the exception
     * @return text for a problem
     */
    public static String messageOf(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Opens an object whose properties must all be among {@code keys}; every other property is reported as
     * unknown at its own pointer.
     *
     * @param node the node
     * @param at   its pointer
     * @param keys the allowed property names, in documentation order
     * @return a binding over the object, or {@code null} when the node is not an object
     */
    public ObjectBinding object(JsonNode node, String at, List<String> keys) {
        if (node == null || !node.isObject()) {
            report(at, "expected an object, found " + describe(node));
            return null;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!keys.contains(name)) {
                report(JsonPointers.child(at, name), String.format(Locale.ROOT, "unknown property '%s'; allowed: %s",
                        name, String.join(", ", keys)));
            }
        }
        return new ObjectBinding(this, (ObjectNode) node, at);
    }

    /**
     * Binds every element of an array.
     *
     * @param <T>     what each element becomes
     * @param node    the node
     * @param at      its pointer
     * @param element binds one element
     * @return the elements in order ({@code null} in place of an element that failed; the list is mutable), or
     *         {@code null} when the node is not an array
     */
    public <T> List<T> elements(JsonNode node, String at, ElementBinder<T> element) {
        if (node == null || !node.isArray()) {
            report(at, "expected an array, found " + describe(node));
            return null;
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(element.bind(node.get(i), JsonPointers.child(at, i)));
        }
        return out;
    }

    /**
     * Binds a string.
     *
     * @param node the node
     * @param at   its pointer
     * @return the string, or {@code null} after a problem
     */
    public String string(JsonNode node, String at) {
        if (node == null || !node.isTextual()) {
            report(at, "expected a string, found " + describe(node));
            return null;
        }
        return node.textValue();
    }

    /**
     * Binds a finite number.
     *
     * @param node the node
     * @param at   its pointer
     * @return the number, or {@code null} after a problem
     */
    public Double number(JsonNode node, String at) {
        if (node == null || !node.isNumber()) {
            report(at, "expected a number, found " + describe(node));
            return null;
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            report(at, "the number is not finite: its magnitude exceeds the largest double (about 1.8e308)");
            return null;
        }
        return d;
    }

    /**
     * Binds a whole number within the range of {@code int}.
     *
     * @param node the node
     * @param at   its pointer
     * @return the number, or {@code null} after a problem
     */
    public Integer integer(JsonNode node, String at) {
        Long l = wholeNumber(node, at, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return l == null ? null : l.intValue();
    }

    /**
     * Binds a whole number within the range of {@code long}.
     *
     * @param node the node
     * @param at   its pointer
     * @return the number, or {@code null} after a problem
     */
    public Long longInteger(JsonNode node, String at) {
        return wholeNumber(node, at, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private Long wholeNumber(JsonNode node, String at, long min, long max) {
        if (node == null || !node.isNumber()) {
            report(at, "expected a whole number, found " + describe(node));
            return null;
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                report(at, String.format(Locale.ROOT, "the whole number %s is out of range [%d, %d]",
                        node.asText(), min, max));
                return null;
            }
            return node.longValue();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            report(at, "the number is not finite: its magnitude exceeds the largest double (about 1.8e308)");
            return null;
        }
        if (d != Math.rint(d)) {
            report(at, "expected a whole number, found " + node.asText());
            return null;
        }
        // Doubles at the edge of the long range round; compare in double so that 9.3e18 is rejected.
        if (d < min || d > max || (max == Long.MAX_VALUE && d >= 0x1p63)) {
            report(at, String.format(Locale.ROOT, "the whole number %s is out of range [%d, %d]", node.asText(), min, max));
            return null;
        }
        return (long) d;
    }

    /**
     * Binds a boolean.
     *
     * @param node the node
     * @param at   its pointer
     * @return the boolean, or {@code null} after a problem
     */
    public Boolean bool(JsonNode node, String at) {
        if (node == null || !node.isBoolean()) {
            report(at, "expected true or false, found " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /**
     * Binds a timestamp by the rule in the class description.
     *
     * @param node the node
     * @param at   its pointer
     * @return the instant, or {@code null} after a problem
     */
    public Instant instant(JsonNode node, String at) {
        if (node == null || !node.isTextual()) {
            report(at, "expected a timestamp string, found " + describe(node));
            return null;
        }
        String text = node.textValue();
        Instant parsed = parseTimestamp(text);
        if (parsed == null) {
            report(at, "unparseable timestamp '" + text + "': expected an ISO-8601 instant with Z or an offset"
                    + " (2025-09-03T15:00:00Z, 2025-09-03T17:00:00+02:00) or a date (2025-09-03)");
        }
        return parsed;
    }

    /**
     * Parses a timestamp by the rule in the class description.
     *
     * @param text the text
     * @return the instant, or {@code null} when the text is not a valid timestamp
     */
    public static Instant parseTimestamp(String text) {
        if (!TIMESTAMP.matcher(text).matches()) {
            return null;
        }
        try {
            if (text.indexOf('T') >= 0 || text.indexOf('t') >= 0) {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Binds an enum constant by its exact name.
     *
     * @param <E>  the enum type
     * @param node the node
     * @param at   its pointer
     * @param type the enum class
     * @param what what the value is, for messages (for example {@code "partner type"})
     * @return the constant, or {@code null} after a problem
     */
    public <E extends Enum<E>> E enumValue(JsonNode node, String at, Class<E> type, String what) {
        if (node == null || !node.isTextual()) {
            report(at, "expected a " + what + " name, found " + describe(node) + "; allowed: " + names(type));
            return null;
        }
        return enumName(node.textValue(), at, type, what);
    }

    /**
     * Binds an enum constant from a text such as a property name ({@code "TRUST"} in {@code weights}).
     *
     * @param <E>  the enum type
     * @param text the text
     * @param at   its pointer
     * @param type the enum class
     * @param what what the value is, for messages (for example {@code "dimension"})
     * @return the constant, or {@code null} after a problem
     */
    public <E extends Enum<E>> E enumName(String text, String at, Class<E> type, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        report(at, String.format(Locale.ROOT, "unknown %s '%s'; allowed: %s", what, text, names(type)));
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Describes a node's JSON type for messages.
     *
     * @param node a node, or {@code null} for a missing value
     * @return for example {@code "a string (\"abc\")"} or {@code "null"}
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String t = node.textValue();
            return "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\")";
        }
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.asText() + ")";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return Objects.toString(node.getNodeType()).toLowerCase(Locale.ROOT);
    }
}
