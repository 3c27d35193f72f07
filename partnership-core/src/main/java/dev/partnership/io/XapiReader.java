package dev.partnership.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.SignalKind;
import dev.partnership.internal.JsonPointers;
import dev.partnership.io.internal.StrictTreeParser;
import dev.partnership.io.internal.TreeBinder;
import dev.partnership.io.internal.XapiStatementParser;
import dev.partnership.io.internal.XapiStatementParser.Agent;
import dev.partnership.io.internal.XapiStatementParser.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports xAPI 1.0.3 statements (<a href="https://github.com/adlnet/xAPI-Spec">xAPI-Spec</a>) as
 * {@link EngagementSignal}s of a partnership, through an {@link XapiMapping}. Guide: {@code docs/xapi.md}.
 *
 * <p>Input is a JSON array of statements, or an LRS response object {@code {"statements": [...], "more": ...}}
 * (pointers then start with {@code /statements}). Reading is strict JSON through the same parser and
 * {@link ReadLimits} as {@link DatasetReader}; in particular a statement array longer than
 * {@link ReadLimits#maxRecords()} is rejected at its pointer ({@code ""} or {@code /statements}) while it is
 * parsed, before the statements beyond the bound are read. A <em>malformed</em> statement (not an object; a missing actor, verb
 * or object; a value of the wrong JSON type; a bad UUID, IRI, mailbox or timestamp) makes the whole read fail with
 * an {@link InvalidDatasetException} listing every such problem with its JSON pointer
 * ({@code /statements/12/timestamp}). A well-formed statement that cannot become a signal is never silently
 * dropped: it is returned as an {@link Unmapped} with its index, id and {@link Reason}.
 *
 * <p>Each well-formed statement is mapped thus; the first rule that fails gives its reason:
 * <ol>
 *   <li>a statement with verb {@value XapiStatementParser#VOIDED_VERB} is {@link Reason#VOIDING}; a statement
 *       whose id such a statement references (anywhere in the input) is {@link Reason#VOIDED};</li>
 *   <li>a statement whose id appeared earlier in the input is {@link Reason#DUPLICATE_ID};</li>
 *   <li>no {@code timestamp}: {@link Reason#MISSING_TIMESTAMP} (the signal's time is the statement's timestamp,
 *       not the LRS's {@code stored});</li>
 *   <li>the verb IRI gives the kind ({@link XapiMapping#kind(String)}), else {@link Reason#UNKNOWN_VERB};</li>
 *   <li>the actor gives the source partner ({@link XapiMapping#partner(String, String, String)}), which must be a
 *       partner of the skeleton, else {@link Reason#UNKNOWN_ACTOR};</li>
 *   <li>the object: an Agent or Group must map to a partner of the skeleton, which becomes the target (else
 *       {@link Reason#UNKNOWN_TARGET}); an Activity listed under a partner's {@code activities} gives that target,
 *       any other Activity gives none; a StatementRef or SubStatement is {@link Reason#UNSUPPORTED_OBJECT};</li>
 *   <li>the ids of {@code context.contextActivities.parent} and {@code grouping} give the goal
 *       ({@link XapiMapping#goal(String)}); none gives no goal; a goal not in the skeleton is
 *       {@link Reason#UNKNOWN_GOAL}; two different goals are {@link Reason#AMBIGUOUS_GOAL};</li>
 *   <li>the value is {@code result.score.raw} for {@link SignalKind#FEEDBACK} and
 *       {@link SignalKind#RESOURCE_SHARED} when present, else 1; a signal the model rejects (a value out of range,
 *       a target equal to its source) is {@link Reason#INVALID_SIGNAL}.</li>
 * </ol>
 * Mapped signals are appended, in input order, to the skeleton's own signals.
 *
 * <p>Immutable and thread-safe. Cost O(statements × log(mapping size)) time, O(document size) memory.
 */
public final class XapiReader {
    /** Why a well-formed statement did not become a signal. */
    public enum Reason {
        /** The statement voids another (verb {@value XapiStatementParser#VOIDED_VERB}). */
        VOIDING,
        /** Another statement in the input voids this one. */
        VOIDED,
        /** An earlier statement in the input has the same id. */
        DUPLICATE_ID,
        /** The statement has no {@code timestamp}. */
        MISSING_TIMESTAMP,
        /** The mapping has no kind for the verb IRI. */
        UNKNOWN_VERB,
        /** The actor maps to no partner of the partnership. */
        UNKNOWN_ACTOR,
        /** The object is an Agent or Group that maps to no partner of the partnership. */
        UNKNOWN_TARGET,
        /** The object is a StatementRef or SubStatement, which name no partner. */
        UNSUPPORTED_OBJECT,
        /** A context activity names a goal the partnership does not have. */
        UNKNOWN_GOAL,
        /** The context activities name more than one goal. */
        AMBIGUOUS_GOAL,
        /** The signal breaks a rule of {@link EngagementSignal} (value out of range, target equal to source). */
        INVALID_SIGNAL
    }

    /**
     * A statement that did not become a signal.
     *
     * @param index       its position in the statement array (from 0)
     * @param statementId its id, or {@code null} when it has none
     * @param reason      why
     * @param detail      the offending value in words, for people
     */
    public record Unmapped(int index, String statementId, Reason reason, String detail) {
        /** Validates the components. */
        public Unmapped {
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, was " + index);
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The outcome of an import.
     *
     * @param partnership the skeleton with the mapped signals appended
     * @param mapped      how many statements became signals
     * @param unmapped    the statements that did not, in input order
     */
    public record Result(Partnership partnership, int mapped, List<Unmapped> unmapped) {
        /** Validates and copies the components. */
        public Result {
            Objects.requireNonNull(partnership, "partnership");
            if (mapped < 0) {
                throw new IllegalArgumentException("mapped must be >= 0, was " + mapped);
            }
            unmapped = List.copyOf(unmapped);
        }

        /**
         * Counts the unmapped statements by reason.
         *
         * @return reason to count, in {@link Reason} order, only reasons that occurred; unmodifiable
         */
        public Map<Reason, Integer> counts() {
            EnumMap<Reason, Integer> counts = new EnumMap<>(Reason.class);
            for (Unmapped u : unmapped) {
                counts.merge(u.reason(), 1, Integer::sum);
            }
            return Collections.unmodifiableMap(counts);
        }

        /**
         * Summarises the import in one line, for logs and the command line.
         *
         * @return for example {@code "1757 mapped, 3 unmapped (UNKNOWN_VERB 2, MISSING_TIMESTAMP 1)"}
         */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d mapped, %d unmapped", mapped,
                    unmapped.size()));
            Map<Reason, Integer> counts = counts();
            if (!counts.isEmpty()) {
                List<String> parts = new ArrayList<>();
                counts.forEach((r, n) -> parts.add(r + " " + n));
                s.append(" (").append(String.join(", ", parts)).append(')');
            }
            return s.toString();
        }
    }

    private static final List<String> RESPONSE_KEYS = List.of("statements", "more");

    private final XapiMapping mapping;
    private final StrictTreeParser parser;

    /**
     * Creates a reader with {@link ReadLimits#DEFAULTS}.
     *
     * @param mapping how statements map to signals
     */
    public XapiReader(XapiMapping mapping) {
        this(mapping, ReadLimits.DEFAULTS);
    }

    private XapiReader(XapiMapping mapping, ReadLimits limits) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.parser = new StrictTreeParser(limits);
    }

    /**
     * Returns the mapping.
     *
     * @return the mapping
     */
    public XapiMapping mapping() {
        return mapping;
    }

    /**
     * Returns a reader enforcing other limits.
     *
     * @param limits the limits
     * @return a new reader with the same mapping
     */
    public XapiReader withLimits(ReadLimits limits) {
        return new XapiReader(mapping, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Imports statements from a file.
     *
     * @param skeleton the partnership the signals belong to (its partners and goals are the ones statements may
     *                 name)
     * @param file     the statements
     * @return the result
     * @throws IOException             when the file cannot be read
     * @throws InvalidDatasetException when the file is not valid JSON or holds malformed statements
     */
    public Result read(Partnership skeleton, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(skeleton, in, file.toString());
        }
    }

    /**
     * Imports statements from a stream, which is not closed.
     *
     * @param skeleton the partnership
     * @param in       the statements (UTF-8)
     * @param source   where they come from, for messages, or {@code null}
     * @return the result
     * @throws IOException             when reading fails
     * @throws InvalidDatasetException when the content is not valid JSON or holds malformed statements
     */
    public Result read(Partnership skeleton, InputStream in, String source) throws IOException {
        Objects.requireNonNull(skeleton, "skeleton");
        List<Problem> problems = new ArrayList<>();
        return read(skeleton, parser.parse(in, problems), source, problems);
    }

    /**
     * Imports statements held in a string.
     *
     * @param skeleton the partnership
     * @param json     the statements
     * @param source   where they come from, for messages, or {@code null}
     * @return the result
     * @throws InvalidDatasetException when the content is not valid JSON or holds malformed statements
     */
    public Result read(Partnership skeleton, String json, String source) {
        Objects.requireNonNull(skeleton, "skeleton");
        List<Problem> problems = new ArrayList<>();
        return read(skeleton, parser.parse(json, problems), source, problems);
    }

    private Result read(Partnership skeleton, JsonNode root, String source, List<Problem> problems) {
        if (root == null) {
            throw new InvalidDatasetException(source, problems);
        }
        TreeBinder binder = new TreeBinder();
        JsonNode array;
        String at;
        if (root.isArray()) {
            array = root;
            at = "";
        } else if (root.isObject()) {
            binder.object(root, "", RESPONSE_KEYS);
            array = root.get("statements");
            at = "/statements";
            if (array == null) {
                binder.report("", "missing required property 'statements'");
            } else if (!array.isArray()) {
                binder.report(at, "expected an array of statements, found " + TreeBinder.describe(array));
                array = null;
            }
            JsonNode more = root.get("more");
            if (more != null && !more.isNull()) {
                binder.string(more, "/more");
            }
        } else {
            throw new InvalidDatasetException(source, List.of(new Problem("",
                    "expected an array of xAPI statements or an object {\"statements\": [...]}, found "
                            + TreeBinder.describe(root))));
        }
        List<Statement> statements = new ArrayList<>();
        if (array != null) {
            XapiStatementParser p = new XapiStatementParser(binder);
            for (int i = 0; i < array.size(); i++) {
                statements.add(p.statement(array.get(i), JsonPointers.child(at, i), i));
            }
        }
        if (binder.problemCount() > 0) {
            throw new InvalidDatasetException(source, binder.problems());
        }
        return map(skeleton, statements);
    }

    private Result map(Partnership skeleton, List<Statement> statements) {
        Set<String> partners = new HashSet<>();
        for (Partner p : skeleton.partners()) {
            partners.add(p.id());
        }
        Set<String> goals = new HashSet<>();
        for (Goal g : skeleton.goals()) {
            goals.add(g.id());
        }
        Set<String> voided = new HashSet<>();
        for (Statement s : statements) {
            if (isVoiding(s) && "StatementRef".equals(s.object().objectType())) {
                voided.add(s.object().id().toLowerCase(Locale.ROOT));
            }
        }
        List<EngagementSignal> signals = new ArrayList<>(skeleton.signals());
        List<Unmapped> unmapped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int mapped = 0;
        for (Statement s : statements) {
            Object outcome = map(s, partners, goals, voided, seen);
            if (outcome instanceof EngagementSignal) {
                signals.add((EngagementSignal) outcome);
                mapped++;
            } else {
                unmapped.add((Unmapped) outcome);
            }
        }
        Partnership withSignals = new Partnership(skeleton.id(), skeleton.name(), skeleton.start(),
                skeleton.partners(), skeleton.goals(), skeleton.priorities(), signals, skeleton.ratings(),
                skeleton.surveys(), skeleton.measurements(), skeleton.instruments());
        return new Result(withSignals, mapped, unmapped);
    }

    private static boolean isVoiding(Statement s) {
        return XapiStatementParser.VOIDED_VERB.equals(s.verb());
    }

    /** Returns the signal, or the {@link Unmapped} saying why there is none. */
    private Object map(Statement s, Set<String> partners, Set<String> goals, Set<String> voided, Set<String> seen) {
        if (isVoiding(s)) {
            return unmapped(s, Reason.VOIDING, "voids statement " + s.object().id());
        }
        String key = s.id() == null ? null : s.id().toLowerCase(Locale.ROOT);
        if (key != null && voided.contains(key)) {
            return unmapped(s, Reason.VOIDED, "voided by a statement in the input");
        }
        if (key != null && !seen.add(key)) {
            return unmapped(s, Reason.DUPLICATE_ID, "an earlier statement has id " + s.id());
        }
        if (s.timestamp() == null) {
            return unmapped(s, Reason.MISSING_TIMESTAMP, "no timestamp");
        }
        Optional<SignalKind> kind = mapping.kind(s.verb());
        if (kind.isEmpty()) {
            return unmapped(s, Reason.UNKNOWN_VERB, "verb " + s.verb());
        }
        Agent actor = s.actor();
        Optional<String> source = partnerOf(actor, partners);
        if (source.isEmpty()) {
            return unmapped(s, Reason.UNKNOWN_ACTOR, "actor " + actor.describe() + describeMapped(actor));
        }
        String target = null;
        switch (s.object().objectType()) {
            case "Agent":
            case "Group": {
                Agent a = s.object().agent();
                Optional<String> t = partnerOf(a, partners);
                if (t.isEmpty()) {
                    return unmapped(s, Reason.UNKNOWN_TARGET, "object " + a.describe() + describeMapped(a));
                }
                target = t.get();
                break;
            }
            case "Activity": {
                Optional<String> t = mapping.partnerOfActivity(s.object().id());
                if (t.isPresent()) {
                    if (!partners.contains(t.get())) {
                        return unmapped(s, Reason.UNKNOWN_TARGET, "object activity " + s.object().id()
                                + " maps to '" + t.get() + "', which is not a partner of the partnership");
                    }
                    target = t.get();
                }
                break;
            }
            default:
                return unmapped(s, Reason.UNSUPPORTED_OBJECT, "object is a " + s.object().objectType());
        }
        TreeSet<String> named = new TreeSet<>();
        for (String activity : s.contextActivities()) {
            Optional<String> g = mapping.goal(activity);
            if (g.isPresent()) {
                if (!goals.contains(g.get())) {
                    return unmapped(s, Reason.UNKNOWN_GOAL, "context activity " + activity + " names goal '"
                            + g.get() + "', which is not a goal of the partnership");
                }
                named.add(g.get());
            }
        }
        if (named.size() > 1) {
            return unmapped(s, Reason.AMBIGUOUS_GOAL, "context activities name goals " + String.join(", ", named));
        }
        String goal = named.isEmpty() ? null : named.first();
        SignalKind k = kind.get();
        double value = (k == SignalKind.FEEDBACK || k == SignalKind.RESOURCE_SHARED) && s.scoreRaw() != null
                ? s.scoreRaw() : 1.0;
        try {
            return new EngagementSignal(s.timestamp(), source.get(), target, goal, k, value);
        } catch (IllegalArgumentException e) {
            return unmapped(s, Reason.INVALID_SIGNAL, TreeBinder.messageOf(e));
        }
    }

    private Optional<String> partnerOf(Agent agent, Set<String> partners) {
        return mapping.partner(agent.mbox(), agent.homePage(), agent.accountName()).filter(partners::contains);
    }

    private String describeMapped(Agent agent) {
        Optional<String> p = mapping.partner(agent.mbox(), agent.homePage(), agent.accountName());
        return p.map(id -> " maps to '" + id + "', which is not a partner of the partnership")
                .orElse(" is not in the mapping");
    }

    private static Unmapped unmapped(Statement s, Reason reason, String detail) {
        return new Unmapped(s.index(), s.id(), reason, detail);
    }
}
