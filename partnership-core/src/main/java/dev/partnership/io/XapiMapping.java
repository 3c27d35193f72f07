package dev.partnership.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.InvalidConfigException;
import dev.partnership.Problem;
import dev.partnership.SignalKind;
import dev.partnership.internal.JsonPointers;
import dev.partnership.io.internal.ObjectBinding;
import dev.partnership.io.internal.PrettyJsonOutput;
import dev.partnership.io.internal.StrictTreeParser;
import dev.partnership.io.internal.TreeBinder;
import dev.partnership.io.internal.XapiStatementParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How xAPI 1.0.3 statements become {@link dev.partnership.EngagementSignal}s: a {@code partnership-xapi-mapping/1}
 * document (schema {@code docs/schema/partnership-xapi-mapping-1.schema.json}, guide {@code docs/xapi.md}), read
 * by {@link XapiReader}.
 *
 * <p>The document has the keys {@code format} (exactly {@value #FORMAT}, required) and, all optional:
 * <ul>
 *   <li>{@code defaultVerbs} (boolean, default {@code true}): start from the bundled verbs of {@link #defaults()}
 *       (ADL's common verbs and one {@value #VERB_PREFIX}{@code <kind-in-kebab-case>} verb per
 *       {@link SignalKind}); {@code false} starts from none;</li>
 *   <li>{@code verbs}: verb IRI to {@link SignalKind} name; adds verbs or overrides the defaults;</li>
 *   <li>{@code partners}: partner id to {@code {"mbox": ["mailto:..."], "accounts": [{"homePage": ..., "name":
 *       ...}], "activities": [activity IRI, ...]}}: the actor identifiers of each partner, and activity ids that
 *       stand for it when they are a statement's object;</li>
 *   <li>{@code accountHomePages}: homePage IRIs for which an account's {@code name} is itself the partner id;</li>
 *   <li>{@code goals}: context activity IRI to goal id;</li>
 *   <li>{@code goalPathConvention} (boolean, default {@code true}): also read a context activity whose id ends
 *       with {@code /goals/<goal-id>} as that goal.</li>
 * </ul>
 * Mailboxes are matched ignoring ASCII case (a lookup key is {@code mbox.toLowerCase(Locale.ROOT)}); IRIs, account
 * names and ids match exactly. An identifier may name only one partner.
 *
 * <p>Immutable and thread-safe; {@code withX} methods return modified copies. Look-ups cost O(log n).
 */
public final class XapiMapping {
    /** The format identifier of mapping documents. */
    public static final String FORMAT = "partnership-xapi-mapping/1";
    /** Prefix of the verb IRIs defined for every {@link SignalKind}; see {@link #verbIri(SignalKind)}. */
    public static final String VERB_PREFIX = "https://partnership.dev/xapi/verbs/";
    /** Class-path resource (relative to this class) holding the bundled default mapping. */
    public static final String DEFAULT_MAPPING_RESOURCE = "xapi-default-mapping.json";
    /** Whether a mapping document starts from the bundled verbs when it does not say: {@value}. */
    public static final boolean DEFAULT_DEFAULT_VERBS = true;
    /** Whether the {@code /goals/<goal-id>} convention applies when a document does not say: {@value}. */
    public static final boolean DEFAULT_GOAL_PATH_CONVENTION = true;

    private static final List<String> KEYS = List.of("format", "defaultVerbs", "verbs", "partners",
            "accountHomePages", "goals", "goalPathConvention");
    private static final List<String> PARTNER_KEYS = List.of("mbox", "accounts", "activities");
    private static final List<String> ACCOUNT_KEYS = List.of("homePage", "name");
    private static final StrictTreeParser PARSER = new StrictTreeParser(ReadLimits.DEFAULTS);
    private static final XapiMapping DEFAULTS = loadDefaults();

    /**
     * An xAPI account: the system ({@code homePage}) and the actor's name or id in it.
     *
     * @param homePage IRI of the system, not blank
     * @param name     account name, not blank
     */
    public record Account(String homePage, String name) implements Comparable<Account> {
        /** Validates the components. */
        public Account {
            requireText(homePage, "account homePage");
            requireText(name, "account name");
        }

        @Override
        public int compareTo(Account o) {
            int c = homePage.compareTo(o.homePage);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }

    /**
     * The identifiers of one partner.
     *
     * @param mbox       {@code mailto:} IRIs, sorted, unique
     * @param accounts   accounts, sorted, unique
     * @param activities activity IRIs that stand for the partner, sorted, unique
     */
    public record PartnerIdentifiers(List<String> mbox, List<Account> accounts, List<String> activities) {
        /** Copies the lists into sorted, de-duplicated, unmodifiable ones. */
        public PartnerIdentifiers {
            mbox = List.copyOf(new TreeSet<>(mbox));
            accounts = List.copyOf(new TreeSet<>(accounts));
            activities = List.copyOf(new TreeSet<>(activities));
        }

        private static final PartnerIdentifiers NONE = new PartnerIdentifiers(List.of(), List.of(), List.of());
    }

    private final SortedMap<String, SignalKind> verbs;
    private final SortedMap<String, PartnerIdentifiers> partners;
    private final SortedSet<String> accountHomePages;
    private final SortedMap<String, String> goals;
    private final boolean goalPathConvention;
    // Derived indexes, rebuilt by the constructor; they are what makes identifiers unique across partners.
    private final Map<String, String> partnerByMbox = new TreeMap<>();
    private final Map<Account, String> partnerByAccount = new TreeMap<>();
    private final Map<String, String> partnerByActivity = new TreeMap<>();

    private XapiMapping(SortedMap<String, SignalKind> verbs, SortedMap<String, PartnerIdentifiers> partners,
                        SortedSet<String> accountHomePages, SortedMap<String, String> goals,
                        boolean goalPathConvention) {
        this.verbs = Collections.unmodifiableSortedMap(new TreeMap<>(verbs));
        this.partners = Collections.unmodifiableSortedMap(new TreeMap<>(partners));
        this.accountHomePages = Collections.unmodifiableSortedSet(new TreeSet<>(accountHomePages));
        this.goals = Collections.unmodifiableSortedMap(new TreeMap<>(goals));
        this.goalPathConvention = goalPathConvention;
        for (Map.Entry<String, PartnerIdentifiers> e : this.partners.entrySet()) {
            String partner = e.getKey();
            for (String m : e.getValue().mbox()) {
                claim(partnerByMbox, mboxKey(m), partner, "mbox '" + m + "'");
            }
            for (Account a : e.getValue().accounts()) {
                claim(partnerByAccount, a, partner, "account " + a);
            }
            for (String act : e.getValue().activities()) {
                claim(partnerByActivity, act, partner, "activity '" + act + "'");
            }
        }
    }

    private static <K> void claim(Map<K, String> index, K key, String partner, String what) {
        String previous = index.putIfAbsent(key, partner);
        if (previous != null && !previous.equals(partner)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is listed for both partner '%s' and partner '%s'", what, previous, partner));
        }
    }

    /**
     * Returns the bundled default mapping (resource {@value #DEFAULT_MAPPING_RESOURCE}): ADL's common verbs and a
     * {@value #VERB_PREFIX} verb for every {@link SignalKind}, no partners, no goals, the goal path convention on.
     *
     * @return the shared default mapping
     */
    public static XapiMapping defaults() {
        return DEFAULTS;
    }

    /**
     * Returns an empty mapping: no verbs, no partners, no goals, the goal path convention on.
     *
     * @return a mapping that maps nothing
     */
    public static XapiMapping empty() {
        return new XapiMapping(new TreeMap<>(), new TreeMap<>(), new TreeSet<>(), new TreeMap<>(),
                DEFAULT_GOAL_PATH_CONVENTION);
    }

    /**
     * Returns the IRI defined for a kind: {@value #VERB_PREFIX} followed by the kind's name in lower case with
     * {@code -} for {@code _} ({@code MEETING_ATTENDED} gives {@code .../meeting-attended}).
     *
     * @param kind the kind
     * @return the verb IRI
     */
    public static String verbIri(SignalKind kind) {
        return VERB_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a mapping document from a file.
     *
     * @param file the file
     * @return the mapping
     * @throws IOException            when the file cannot be read
     * @throws InvalidConfigException when the document is invalid; every problem carries its JSON pointer
     */
    public static XapiMapping read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a mapping document from a stream, which is not closed.
     *
     * @param in     the document (UTF-8)
     * @param source where it comes from, for messages, or {@code null}
     * @return the mapping
     * @throws IOException            when reading the stream fails
     * @throws InvalidConfigException when the document is invalid
     */
    public static XapiMapping read(InputStream in, String source) throws IOException {
        List<Problem> problems = new ArrayList<>();
        return bind(PARSER.parse(in, problems), source, problems, DEFAULTS);
    }

    /**
     * Reads a mapping document held in a string.
     *
     * @param json   the document
     * @param source where it comes from, for messages, or {@code null}
     * @return the mapping
     * @throws InvalidConfigException when the document is invalid
     */
    public static XapiMapping read(String json, String source) {
        List<Problem> problems = new ArrayList<>();
        return bind(PARSER.parse(json, problems), source, problems, DEFAULTS);
    }

    private static XapiMapping loadDefaults() {
        try (InputStream in = XapiMapping.class.getResourceAsStream(DEFAULT_MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled resource " + DEFAULT_MAPPING_RESOURCE + " is missing");
            }
            List<Problem> problems = new ArrayList<>();
            return bind(PARSER.parse(in, problems), DEFAULT_MAPPING_RESOURCE, problems, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XapiMapping bind(JsonNode root, String source, List<Problem> problems, XapiMapping base) {
        if (root == null) {
            throw new InvalidConfigException(source, problems);
        }
        TreeBinder b = new TreeBinder();
        ObjectBinding doc = b.object(root, "", KEYS);
        if (doc == null) {
            throw new InvalidConfigException(source, b.problems());
        }
        if (!b.format(doc, FORMAT)) {
            throw new InvalidConfigException(source, b.problems());
        }
        Boolean defaultVerbs = doc.bool("defaultVerbs", DEFAULT_DEFAULT_VERBS);
        Boolean convention = doc.bool("goalPathConvention", DEFAULT_GOAL_PATH_CONVENTION);
        TreeMap<String, SignalKind> verbs = new TreeMap<>();
        if (base != null && Boolean.TRUE.equals(defaultVerbs)) {
            verbs.putAll(base.verbs);
        }
        Map<String, SignalKind> own = doc.map("verbs", (n, at) -> {
            String iri = lastToken(at);
            if (!isAbsoluteIri(iri)) {
                b.report(at, "verb id '" + iri + "' is not an absolute IRI");
                return null;
            }
            return b.enumValue(n, at, SignalKind.class, "signal kind");
        });
        if (own != null) {
            verbs.putAll(own);
        }
        Map<String, PartnerIdentifiers> partners = doc.map("partners", (n, at) -> partner(b, n, at));
        List<String> homePages = doc.list("accountHomePages", (n, at) -> iri(b, n, at, "homePage"));
        Map<String, String> goals = doc.map("goals", (n, at) -> {
            String iri = lastToken(at);
            if (!isAbsoluteIri(iri)) {
                b.report(at, "activity id '" + iri + "' is not an absolute IRI");
                return null;
            }
            return id(b, n, at, "goal id");
        });
        if (partners != null) {
            for (String partnerId : partners.keySet()) {
                if (partnerId.isBlank()) {
                    b.report(JsonPointers.child("/partners", partnerId), "partner id must not be blank");
                }
            }
        }
        if (b.problemCount() > 0) {
            throw new InvalidConfigException(source, b.problems());
        }
        try {
            return new XapiMapping(verbs, new TreeMap<>(partners), new TreeSet<>(homePages), new TreeMap<>(goals),
                    convention);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source, List.of(new Problem("/partners", e.getMessage())));
        }
    }

    /** Returns the unescaped last token of a JSON pointer: the property name a map value was bound under. */
    private static String lastToken(String pointer) {
        String token = pointer.substring(pointer.lastIndexOf('/') + 1);
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static PartnerIdentifiers partner(TreeBinder b, JsonNode n, String at) {
        ObjectBinding o = b.object(n, at, PARTNER_KEYS);
        if (o == null) {
            return null;
        }
        int before = b.problemCount();
        List<String> mbox = o.list("mbox", (m, mat) -> {
            String s = b.string(m, mat);
            if (s != null && !isMbox(s)) {
                b.report(mat, "mbox '" + s + "' must be a mailto: IRI such as mailto:office@example.org");
                return null;
            }
            return s;
        });
        List<Account> accounts = o.list("accounts", (a, aat) -> {
            ObjectBinding ao = b.object(a, aat, ACCOUNT_KEYS);
            if (ao == null) {
                return null;
            }
            JsonNode home = ao.required("homePage");
            String h = home == null ? null : iri(b, home, ao.at("homePage"), "homePage");
            JsonNode nameNode = ao.required("name");
            String name = nameNode == null ? null : id(b, nameNode, ao.at("name"), "account name");
            return h == null || name == null ? null : new Account(h, name);
        });
        List<String> activities = o.list("activities", (m, mat) -> iri(b, m, mat, "activity id"));
        if (b.problemCount() > before || mbox == null || accounts == null || activities == null) {
            return null;
        }
        return new PartnerIdentifiers(mbox, accounts, activities);
    }

    private static String iri(TreeBinder b, JsonNode n, String at, String what) {
        String s = b.string(n, at);
        if (s != null && !isAbsoluteIri(s)) {
            b.report(at, what + " '" + s + "' is not an absolute IRI");
            return null;
        }
        return s;
    }

    private static String id(TreeBinder b, JsonNode n, String at, String what) {
        String s = b.string(n, at);
        if (s != null && s.isBlank()) {
            b.report(at, what + " must not be blank");
            return null;
        }
        return s;
    }

    private static boolean isAbsoluteIri(String text) {
        return XapiStatementParser.isAbsoluteIri(text);
    }

    private static boolean isMbox(String text) {
        return XapiStatementParser.isMbox(text);
    }

    private static String mboxKey(String mbox) {
        return mbox.toLowerCase(Locale.ROOT);
    }

    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /**
     * Returns the verb table.
     *
     * @return verb IRI to kind, sorted by IRI, unmodifiable
     */
    public SortedMap<String, SignalKind> verbs() {
        return verbs;
    }

    /**
     * Returns the partners' identifiers.
     *
     * @return partner id to identifiers, sorted by id, unmodifiable
     */
    public SortedMap<String, PartnerIdentifiers> partners() {
        return partners;
    }

    /**
     * Returns the homePages whose account names are partner ids.
     *
     * @return the homePage IRIs, sorted, unmodifiable
     */
    public SortedSet<String> accountHomePages() {
        return accountHomePages;
    }

    /**
     * Returns the goal table.
     *
     * @return activity IRI to goal id, sorted by IRI, unmodifiable
     */
    public SortedMap<String, String> goals() {
        return goals;
    }

    /**
     * Returns whether an activity id ending with {@code /goals/<goal-id>} names that goal.
     *
     * @return {@code true} when the convention applies
     */
    public boolean goalPathConvention() {
        return goalPathConvention;
    }

    /**
     * Returns the kind a verb maps to.
     *
     * @param verbIri the verb's IRI
     * @return the kind, or empty when the verb is not mapped
     */
    public Optional<SignalKind> kind(String verbIri) {
        return Optional.ofNullable(verbs.get(verbIri));
    }

    /**
     * Returns the partner an actor identifier maps to: first an explicit {@code mbox} (ignoring ASCII case), then
     * an explicit account, then the account's name when its homePage is one of {@link #accountHomePages()}.
     *
     * @param mbox     the actor's {@code mbox}, or {@code null}
     * @param homePage the actor's account homePage, or {@code null}
     * @param name     the actor's account name, or {@code null}
     * @return the partner id, or empty
     */
    public Optional<String> partner(String mbox, String homePage, String name) {
        if (mbox != null) {
            String p = partnerByMbox.get(mboxKey(mbox));
            if (p != null) {
                return Optional.of(p);
            }
        }
        if (homePage != null && name != null && !homePage.isBlank() && !name.isBlank()) {
            String p = partnerByAccount.get(new Account(homePage, name));
            if (p != null) {
                return Optional.of(p);
            }
            if (accountHomePages.contains(homePage)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the partner an activity id stands for, when listed under a partner's {@code activities}.
     *
     * @param activityId the activity IRI
     * @return the partner id, or empty
     */
    public Optional<String> partnerOfActivity(String activityId) {
        return Optional.ofNullable(partnerByActivity.get(activityId));
    }

    /**
     * Returns the goal a context activity names: the {@link #goals()} entry, else (when
     * {@link #goalPathConvention()}) the last path segment after {@code /goals/} if the id ends with
     * {@code /goals/<goal-id>} (no further {@code /}, {@code ?} or {@code #}).
     *
     * @param activityId the activity IRI
     * @return the goal id, or empty
     */
    public Optional<String> goal(String activityId) {
        String g = goals.get(activityId);
        if (g != null) {
            return Optional.of(g);
        }
        if (goalPathConvention) {
            int at = activityId.lastIndexOf("/goals/");
            if (at >= 0) {
                String rest = activityId.substring(at + "/goals/".length());
                if (!rest.isEmpty() && rest.indexOf('/') < 0 && rest.indexOf('?') < 0 && rest.indexOf('#') < 0) {
                    return Optional.of(rest);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a copy that maps a verb to a kind, replacing any earlier mapping of that verb.
     *
     * @param verbIri an absolute IRI
     * @param kind    the kind
     * @return the copy
     * @throws IllegalArgumentException when the IRI is not absolute
     */
    public XapiMapping withVerb(String verbIri, SignalKind kind) {
        if (!isAbsoluteIri(verbIri)) {
            throw new IllegalArgumentException("verb id '" + verbIri + "' is not an absolute IRI");
        }
        TreeMap<String, SignalKind> v = new TreeMap<>(verbs);
        v.put(verbIri, Objects.requireNonNull(kind, "kind"));
        return new XapiMapping(v, partners, accountHomePages, goals, goalPathConvention);
    }

    /**
     * Returns a copy in which a partner is also identified by a mailbox.
     *
     * @param partnerId the partner id
     * @param mbox      a {@code mailto:} IRI
     * @return the copy
     * @throws IllegalArgumentException when the mailbox is malformed or names another partner
     */
    public XapiMapping withPartnerMbox(String partnerId, String mbox) {
        if (!isMbox(mbox)) {
            throw new IllegalArgumentException("mbox '" + mbox + "' must be a mailto: IRI");
        }
        PartnerIdentifiers old = identifiers(partnerId);
        List<String> m = new ArrayList<>(old.mbox());
        m.add(mbox);
        return withPartner(partnerId, new PartnerIdentifiers(m, old.accounts(), old.activities()));
    }

    /**
     * Returns a copy in which a partner is also identified by an account.
     *
     * @param partnerId the partner id
     * @param account   the account
     * @return the copy
     * @throws IllegalArgumentException when the homePage is not an absolute IRI or the account names another
     *                                  partner
     */
    public XapiMapping withPartnerAccount(String partnerId, Account account) {
        if (!isAbsoluteIri(account.homePage())) {
            throw new IllegalArgumentException("homePage '" + account.homePage() + "' is not an absolute IRI");
        }
        PartnerIdentifiers old = identifiers(partnerId);
        List<Account> a = new ArrayList<>(old.accounts());
        a.add(account);
        return withPartner(partnerId, new PartnerIdentifiers(old.mbox(), a, old.activities()));
    }

    /**
     * Returns a copy in which an activity id, as a statement's object, stands for a partner.
     *
     * @param partnerId  the partner id
     * @param activityId an absolute IRI
     * @return the copy
     * @throws IllegalArgumentException when the IRI is not absolute or already stands for another partner
     */
    public XapiMapping withPartnerActivity(String partnerId, String activityId) {
        if (!isAbsoluteIri(activityId)) {
            throw new IllegalArgumentException("activity id '" + activityId + "' is not an absolute IRI");
        }
        PartnerIdentifiers old = identifiers(partnerId);
        List<String> a = new ArrayList<>(old.activities());
        a.add(activityId);
        return withPartner(partnerId, new PartnerIdentifiers(old.mbox(), old.accounts(), a));
    }

    /**
     * Returns a copy in which accounts on a homePage are read as {@code name} = partner id.
     *
     * @param homePage an absolute IRI
     * @return the copy
     * @throws IllegalArgumentException when the IRI is not absolute
     */
    public XapiMapping withAccountHomePage(String homePage) {
        if (!isAbsoluteIri(homePage)) {
            throw new IllegalArgumentException("homePage '" + homePage + "' is not an absolute IRI");
        }
        TreeSet<String> h = new TreeSet<>(accountHomePages);
        h.add(homePage);
        return new XapiMapping(verbs, partners, h, goals, goalPathConvention);
    }

    /**
     * Returns a copy in which a context activity names a goal, replacing any earlier entry for that activity.
     *
     * @param activityId an absolute IRI
     * @param goalId     the goal id, not blank
     * @return the copy
     * @throws IllegalArgumentException when the IRI is not absolute or the goal id blank
     */
    public XapiMapping withGoal(String activityId, String goalId) {
        if (!isAbsoluteIri(activityId)) {
            throw new IllegalArgumentException("activity id '" + activityId + "' is not an absolute IRI");
        }
        requireText(goalId, "goal id");
        TreeMap<String, String> g = new TreeMap<>(goals);
        g.put(activityId, goalId);
        return new XapiMapping(verbs, partners, accountHomePages, g, goalPathConvention);
    }

    /**
     * Returns a copy with the goal path convention on or off.
     *
     * @param enabled whether {@code /goals/<goal-id>} names a goal
     * @return the copy
     */
    public XapiMapping withGoalPathConvention(boolean enabled) {
        return new XapiMapping(verbs, partners, accountHomePages, goals, enabled);
    }

    private PartnerIdentifiers identifiers(String partnerId) {
        requireText(partnerId, "partner id");
        return partners.getOrDefault(partnerId, PartnerIdentifiers.NONE);
    }

    private XapiMapping withPartner(String partnerId, PartnerIdentifiers ids) {
        TreeMap<String, PartnerIdentifiers> p = new TreeMap<>(partners);
        p.put(partnerId, ids);
        return new XapiMapping(verbs, p, accountHomePages, goals, goalPathConvention);
    }

    /**
     * Writes this mapping as a complete {@code partnership-xapi-mapping/1} document with {@code defaultVerbs}
     * {@code false} and every verb listed, so that reading it back gives an equal mapping whatever the bundled
     * defaults become. Deterministic: keys are sorted.
     *
     * @return the JSON document, ending with a newline
     */
    public String toJson() {
        return PrettyJsonOutput.toJson(this::write);
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeBooleanField("defaultVerbs", false);
        g.writeObjectFieldStart("verbs");
        for (Map.Entry<String, SignalKind> e : verbs.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().name());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("partners");
        for (Map.Entry<String, PartnerIdentifiers> e : partners.entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeArrayFieldStart("mbox");
            for (String m : e.getValue().mbox()) {
                g.writeString(m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accounts");
            for (Account a : e.getValue().accounts()) {
                g.writeStartObject();
                g.writeStringField("homePage", a.homePage());
                g.writeStringField("name", a.name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("activities");
            for (String a : e.getValue().activities()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("accountHomePages");
        for (String h : accountHomePages) {
            g.writeString(h);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("goals");
        for (Map.Entry<String, String> e : goals.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeBooleanField("goalPathConvention", goalPathConvention);
        g.writeEndObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XapiMapping && toJson().equals(((XapiMapping) o).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "XapiMapping[%d verbs, %d partners, %d goals]", verbs.size(),
                partners.size(), goals.size());
    }
}
