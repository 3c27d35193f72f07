package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.internal.JsonPointers;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the parts of xAPI 1.0.3 statements that the importer uses and extracts them, reporting every malformed
 * value (wrong JSON type, a statement that is not an object, a missing actor, verb or object, a bad UUID, IRI,
 * mailbox or timestamp) as a problem at its JSON pointer through a {@link TreeBinder}.
 *
 * <p>Properties the importer does not use ({@code authority}, {@code stored}, {@code attachments},
 * {@code extensions}, ...) are not checked: an LRS has already validated them, and rejecting a statement over
 * them would lose evidence for nothing. A missing {@code timestamp} is not malformed here (xAPI makes it optional);
 * the reader reports such a statement as unmappable. Timestamps follow {@link TreeBinder#parseTimestamp(String)}:
 * a time zone ({@code Z} or an offset) is required.
 *
 * <p>Not thread-safe: one instance checks one document. Cost O(document size).
 */
public final class XapiStatementParser {
    /** A UUID in its canonical 8-4-4-4-12 hexadecimal form, as xAPI requires for statement ids. */
    public static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The verb with which a statement voids another (xAPI 1.0.3, section 2.3.2). */
    public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

    private static final List<String> CONTEXT_ACTIVITY_KEYS = List.of("parent", "grouping", "category", "other");

    /**
     * An actor or an Agent/Group object, reduced to its identifiers.
     *
     * @param objectType  {@code Agent} or {@code Group}
     * @param mbox        the {@code mbox}, or {@code null}
     * @param homePage    the account homePage, or {@code null}
     * @param accountName the account name, or {@code null}
     */
    public record Agent(String objectType, String mbox, String homePage, String accountName) {
        /**
         * Describes the agent's identifier for messages.
         *
         * @return for example {@code mbox mailto:a@b.example} or {@code an anonymous Group}
         */
        public String describe() {
            if (mbox != null) {
                return "mbox " + mbox;
            }
            if (homePage != null) {
                return "account " + accountName + " at " + homePage;
            }
            return "an " + objectType + " without an mbox or account";
        }
    }

    /**
     * A statement's object.
     *
     * @param objectType {@code Activity}, {@code Agent}, {@code Group}, {@code StatementRef} or
     *                   {@code SubStatement}
     * @param id         the activity or referenced statement id, or {@code null}
     * @param agent      the agent for {@code Agent} and {@code Group}, else {@code null}
     */
    public record Target(String objectType, String id, Agent agent) {
    }

    /**
     * The parts of one statement the importer uses.
     *
     * @param index            position in the statement array
     * @param id               the statement id, or {@code null}
     * @param actor            the actor
     * @param verb             the verb IRI
     * @param object           the object
     * @param timestamp        the timestamp, or {@code null} when absent
     * @param scoreRaw         {@code result.score.raw}, or {@code null}
     * @param contextActivities ids of {@code context.contextActivities.parent} then {@code grouping}, in order
     */
    public record Statement(int index, String id, Agent actor, String verb, Target object, Instant timestamp,
                            Double scoreRaw, List<String> contextActivities) {
    }

    private final TreeBinder binder;

    /**
     * Creates a parser reporting to a binder.
     *
     * @param binder collects the problems
     */
    public XapiStatementParser(TreeBinder binder) {
        this.binder = binder;
    }

    /**
     * Checks and extracts one statement.
     *
     * @param node  the statement
     * @param at    its pointer
     * @param index its position
     * @return the statement, or {@code null} after a problem
     */
    public Statement statement(JsonNode node, String at, int index) {
        if (node == null || !node.isObject()) {
            binder.report(at, "expected an xAPI statement object, found " + TreeBinder.describe(node));
            return null;
        }
        int before = binder.problemCount();
        String id = null;
        JsonNode idNode = node.get("id");
        if (idNode != null) {
            id = binder.string(idNode, child(at, "id"));
            if (id != null && !UUID.matcher(id).matches()) {
                binder.report(child(at, "id"), "statement id '" + id + "' is not a UUID");
            }
        }
        Agent actor = required(node, at, "actor") ? agent(node.get("actor"), child(at, "actor"), "Agent") : null;
        String verb = null;
        if (required(node, at, "verb")) {
            JsonNode v = node.get("verb");
            String vat = child(at, "verb");
            if (!v.isObject()) {
                binder.report(vat, "expected a verb object, found " + TreeBinder.describe(v));
            } else if (required(v, vat, "id")) {
                verb = iri(v.get("id"), child(vat, "id"), "verb id");
            }
        }
        Target object = required(node, at, "object") ? target(node.get("object"), child(at, "object")) : null;
        Instant timestamp = null;
        JsonNode ts = node.get("timestamp");
        if (ts != null) {
            timestamp = binder.instant(ts, child(at, "timestamp"));
        }
        Double raw = null;
        JsonNode result = node.get("result");
        if (result != null) {
            raw = scoreRaw(result, child(at, "result"));
        }
        List<String> context = new ArrayList<>();
        JsonNode ctx = node.get("context");
        if (ctx != null) {
            contextActivities(ctx, child(at, "context"), context);
        }
        if (binder.problemCount() > before) {
            return null;
        }
        return new Statement(index, id, actor, verb, object, timestamp, raw, List.copyOf(context));
    }

    private boolean required(JsonNode node, String at, String key) {
        if (node.get(key) == null) {
            binder.report(at, "missing required property '" + key + "'");
            return false;
        }
        return true;
    }

    private Agent agent(JsonNode node, String at, String defaultType) {
        if (!node.isObject()) {
            binder.report(at, "expected an Agent or Group object, found " + TreeBinder.describe(node));
            return null;
        }
        String type = defaultType;
        JsonNode t = node.get("objectType");
        if (t != null) {
            type = binder.string(t, child(at, "objectType"));
            if (type != null && !type.equals("Agent") && !type.equals("Group")) {
                binder.report(child(at, "objectType"), "objectType '" + type + "' must be Agent or Group");
                type = null;
            }
        }
        String mbox = null;
        JsonNode m = node.get("mbox");
        if (m != null) {
            mbox = binder.string(m, child(at, "mbox"));
            if (mbox != null && !isMbox(mbox)) {
                binder.report(child(at, "mbox"), "mbox '" + mbox + "' must be a mailto: IRI such as mailto:a@b.example");
                mbox = null;
            }
        }
        for (String key : List.of("mbox_sha1sum", "openid", "name")) {
            JsonNode other = node.get(key);
            if (other != null) {
                binder.string(other, child(at, key));
            }
        }
        String homePage = null;
        String name = null;
        JsonNode account = node.get("account");
        if (account != null) {
            String aat = child(at, "account");
            if (!account.isObject()) {
                binder.report(aat, "expected an account object, found " + TreeBinder.describe(account));
            } else {
                if (required(account, aat, "homePage")) {
                    homePage = iri(account.get("homePage"), child(aat, "homePage"), "account homePage");
                }
                if (required(account, aat, "name")) {
                    name = binder.string(account.get("name"), child(aat, "name"));
                }
            }
        }
        JsonNode member = node.get("member");
        if (member != null && !member.isArray()) {
            binder.report(child(at, "member"), "expected an array of Agents, found " + TreeBinder.describe(member));
        }
        if ("Agent".equals(type) && mbox == null && homePage == null && m == null && account == null
                && node.get("mbox_sha1sum") == null && node.get("openid") == null) {
            binder.report(at, "an Agent needs exactly one identifier: mbox, mbox_sha1sum, openid or account");
        }
        return type == null ? null : new Agent(type, mbox, homePage, name);
    }

    private Target target(JsonNode node, String at) {
        if (!node.isObject()) {
            binder.report(at, "expected an object (Activity, Agent, Group, StatementRef or SubStatement), found "
                    + TreeBinder.describe(node));
            return null;
        }
        String type = "Activity";
        JsonNode t = node.get("objectType");
        if (t != null) {
            type = binder.string(t, child(at, "objectType"));
            if (type == null) {
                return null;
            }
        }
        switch (type) {
            case "Activity": {
                String id = required(node, at, "id") ? iri(node.get("id"), child(at, "id"), "activity id") : null;
                return id == null ? null : new Target(type, id, null);
            }
            case "Agent":
            case "Group": {
                Agent a = agent(node, at, type);
                return a == null ? null : new Target(type, null, a);
            }
            case "StatementRef": {
                String id = required(node, at, "id") ? binder.string(node.get("id"), child(at, "id")) : null;
                if (id != null && !UUID.matcher(id).matches()) {
                    binder.report(child(at, "id"), "StatementRef id '" + id + "' is not a UUID");
                    return null;
                }
                return id == null ? null : new Target(type, id, null);
            }
            case "SubStatement":
                return new Target(type, null, null);
            default:
                binder.report(child(at, "objectType"), "objectType '" + type
                        + "' must be Activity, Agent, Group, StatementRef or SubStatement");
                return null;
        }
    }

    private Double scoreRaw(JsonNode result, String at) {
        if (!result.isObject()) {
            binder.report(at, "expected a result object, found " + TreeBinder.describe(result));
            return null;
        }
        JsonNode score = result.get("score");
        if (score == null) {
            return null;
        }
        String sat = child(at, "score");
        if (!score.isObject()) {
            binder.report(sat, "expected a score object, found " + TreeBinder.describe(score));
            return null;
        }
        for (String key : List.of("scaled", "min", "max")) {
            if (score.get(key) != null) {
                binder.number(score.get(key), child(sat, key));
            }
        }
        JsonNode raw = score.get("raw");
        return raw == null ? null : binder.number(raw, child(sat, "raw"));
    }

    private void contextActivities(JsonNode ctx, String at, List<String> out) {
        if (!ctx.isObject()) {
            binder.report(at, "expected a context object, found " + TreeBinder.describe(ctx));
            return;
        }
        JsonNode ca = ctx.get("contextActivities");
        if (ca == null) {
            return;
        }
        String cat = child(at, "contextActivities");
        if (!ca.isObject()) {
            binder.report(cat, "expected a contextActivities object, found " + TreeBinder.describe(ca));
            return;
        }
        for (String key : CONTEXT_ACTIVITY_KEYS) {
            JsonNode list = ca.get(key);
            if (list == null) {
                continue;
            }
            String lat = child(cat, key);
            // xAPI 1.0.3 lets a single Activity stand for a one-element array.
            if (list.isObject()) {
                String id = activityId(list, lat);
                if (id != null && isGoalCarrier(key)) {
                    out.add(id);
                }
            } else if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    String id = activityId(list.get(i), JsonPointers.child(lat, i));
                    if (id != null && isGoalCarrier(key)) {
                        out.add(id);
                    }
                }
            } else {
                binder.report(lat, "expected an Activity or an array of Activities, found "
                        + TreeBinder.describe(list));
            }
        }
    }

    private static boolean isGoalCarrier(String key) {
        return key.equals("parent") || key.equals("grouping");
    }

    private String activityId(JsonNode node, String at) {
        if (!node.isObject()) {
            binder.report(at, "expected an Activity object, found " + TreeBinder.describe(node));
            return null;
        }
        JsonNode t = node.get("objectType");
        if (t != null) {
            String type = binder.string(t, child(at, "objectType"));
            if (type != null && !type.equals("Activity")) {
                binder.report(child(at, "objectType"), "objectType '" + type + "' must be Activity");
            }
        }
        return required(node, at, "id") ? iri(node.get("id"), child(at, "id"), "activity id") : null;
    }

    private String iri(JsonNode node, String at, String what) {
        String s = binder.string(node, at);
        if (s == null) {
            return null;
        }
        if (!isAbsoluteIri(s)) {
            binder.report(at, String.format(Locale.ROOT, "%s '%s' is not an absolute IRI", what, s));
            return null;
        }
        return s;
    }

    /**
     * Returns whether a text is an absolute IRI: it parses as a URI (non-ASCII letters allowed, as in IRIs) and
     * has a scheme.
     *
     * @param text the text
     * @return {@code true} when absolute
     */
    public static boolean isAbsoluteIri(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Returns whether a text is an xAPI mailbox: {@code mailto:} (any case) followed by an address with an
     * {@code @} that is neither first nor last.
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    public static boolean isMbox(String text) {
        int atSign = text.indexOf('@', 7);
        return text.regionMatches(true, 0, "mailto:", 0, 7) && atSign > 7 && atSign < text.length() - 1;
    }

    private static String child(String at, String key) {
        return JsonPointers.child(at, key);
    }
}
