package dev.partnership.examples.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.SignalKind;
import dev.partnership.io.XapiMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a partnership's engagement signals as xAPI 1.0.3 statements, and the
 * {@link XapiMapping partnership-xapi-mapping/1} document that maps them back, so that the xAPI import
 * ({@link dev.partnership.io.XapiReader}) can be demonstrated and tested on the sample data.
 *
 * <p>One statement per {@link EngagementSignal}, in the partnership's signal order:
 * <ul>
 *   <li>{@code id}: a name-based (type 3, MD5) UUID of the partnership id, the signal's components and the number
 *       of equal signals before it, so ids are stable across runs and distinct even for repeated signals;</li>
 *   <li>{@code actor}: an Agent with {@code mbox} {@code mailto:<partnerId>@}{@value #MAIL_DOMAIN} when the
 *       partner id is a plain lower-case mailbox name (letters, digits, {@code . _ -}), else an {@code account}
 *       on {@value #ACCOUNT_HOME_PAGE} named by the partner id;</li>
 *   <li>{@code verb}: {@link XapiMapping#verbIri(SignalKind)};</li>
 *   <li>{@code object}: the target partner as an Agent, or the partnership activity
 *       {@value #ACTIVITY_BASE}{@code <partnership-id>} when there is no target;</li>
 *   <li>{@code context.contextActivities.grouping}: the partnership activity, and the goal activity
 *       {@code <partnership activity>/goals/<goal-id>} when the signal has a goal;</li>
 *   <li>{@code result.score.raw}: the signal's value;</li>
 *   <li>{@code timestamp}: the signal's time, {@link java.time.Instant#toString()}.</li>
 * </ul>
 * Importing the statements with {@link #mapping(Partnership)} into the partnership without its signals gives back
 * the same signals in the same order, provided only {@link SignalKind#FEEDBACK} and {@link SignalKind#RESOURCE_SHARED}
 * signals carry values other than 1 (the importer reads {@code score.raw} only for those kinds); the bundled sample
 * satisfies this.
 *
 * <p>Stateless and thread-safe. Cost O(signals) time; {@link #toJson(Partnership)} holds the document in memory.
 */
public final class XapiStatements {
    /** Mail domain of the generated actor mailboxes. */
    public static final String MAIL_DOMAIN = "partners.example";
    /** homePage of the generated accounts, used for partner ids that are not plain mailbox names. */
    public static final String ACCOUNT_HOME_PAGE = "https://partnership.dev/xapi/partners";
    /** Prefix of the partnership activity id. */
    public static final String ACTIVITY_BASE = "https://partnership.dev/xapi/partnerships/";

    private static final Pattern MAILBOX_NAME = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private XapiStatements() {
    }

    /**
     * Writes the statements of a partnership's signals as a pretty-printed JSON array.
     *
     * @param partnership the partnership
     * @return the JSON document, ending with a newline
     */
    public static String toJson(Partnership partnership) {
        Objects.requireNonNull(partnership, "partnership");
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(partnership, g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return w.toString();
    }

    /**
     * Writes the statements as UTF-8 to a stream, which is flushed but not closed.
     *
     * @param partnership the partnership
     * @param out         where to write
     * @throws IOException when writing fails
     */
    public static void write(Partnership partnership, OutputStream out) throws IOException {
        Objects.requireNonNull(partnership, "partnership");
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(partnership, g);
        }
    }

    /**
     * Returns the mapping that maps the statements of {@link #toJson(Partnership)} back: the bundled default verbs,
     * every partner's mailbox or account, and every goal's activity id.
     *
     * @param partnership the partnership
     * @return the mapping; {@link XapiMapping#toJson()} gives its document
     */
    public static XapiMapping mapping(Partnership partnership) {
        XapiMapping m = XapiMapping.defaults();
        for (Partner p : partnership.partners()) {
            if (isMailboxName(p.id())) {
                m = m.withPartnerMbox(p.id(), mbox(p.id()));
            } else {
                m = m.withPartnerAccount(p.id(), new XapiMapping.Account(ACCOUNT_HOME_PAGE, p.id()));
            }
        }
        for (Goal goal : partnership.goals()) {
            m = m.withGoal(goalActivity(partnership, goal.id()), goal.id());
        }
        return m;
    }

    /**
     * Returns the activity id that stands for the partnership.
     *
     * @param partnership the partnership
     * @return {@value #ACTIVITY_BASE} followed by the percent-encoded partnership id
     */
    public static String partnershipActivity(Partnership partnership) {
        return ACTIVITY_BASE + encode(partnership.id());
    }

    /**
     * Returns the activity id that stands for a goal.
     *
     * @param partnership the partnership
     * @param goalId      the goal id
     * @return the partnership activity followed by {@code /goals/} and the percent-encoded goal id
     */
    public static String goalActivity(Partnership partnership, String goalId) {
        return partnershipActivity(partnership) + "/goals/" + encode(goalId);
    }

    /**
     * Returns the statement id of a signal.
     *
     * @param partnership the partnership
     * @param signal      the signal
     * @param occurrence  how many equal signals come before it in the partnership
     * @return a type 3 UUID, lower case
     */
    public static String statementId(Partnership partnership, EngagementSignal signal, int occurrence) {
        String key = String.join("\n", partnership.id(), signal.at().toString(), signal.source(),
                String.valueOf(signal.target()), String.valueOf(signal.goal()), signal.kind().name(),
                Double.toString(signal.value()), Integer.toString(occurrence));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void write(Partnership p, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        Map<String, String> names = new HashMap<>();
        for (Partner partner : p.partners()) {
            names.put(partner.id(), partner.name());
        }
        // Counts equal signals seen so far; only looked up, never iterated, so its order does not matter.
        Map<EngagementSignal, Integer> seen = new HashMap<>();
        String partnershipActivity = partnershipActivity(p);
        g.writeStartArray();
        for (EngagementSignal s : p.signals()) {
            int occurrence = seen.merge(s, 1, Integer::sum) - 1;
            g.writeStartObject();
            g.writeStringField("id", statementId(p, s, occurrence));
            g.writeFieldName("actor");
            agent(g, s.source(), names.get(s.source()));
            g.writeObjectFieldStart("verb");
            g.writeStringField("id", XapiMapping.verbIri(s.kind()));
            g.writeObjectFieldStart("display");
            g.writeStringField("en-US", s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            g.writeEndObject();
            g.writeEndObject();
            g.writeFieldName("object");
            if (s.target() != null) {
                agent(g, s.target(), names.get(s.target()));
            } else {
                activity(g, partnershipActivity, p.name());
            }
            g.writeObjectFieldStart("context");
            g.writeObjectFieldStart("contextActivities");
            g.writeArrayFieldStart("grouping");
            activity(g, partnershipActivity, null);
            if (s.goal() != null) {
                activity(g, goalActivity(p, s.goal()), null);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("result");
            g.writeObjectFieldStart("score");
            g.writeNumberField("raw", s.value());
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("timestamp", s.at().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.flush();
    }

    private static void agent(JsonGenerator g, String partnerId, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("objectType", "Agent");
        if (name != null) {
            g.writeStringField("name", name);
        }
        if (isMailboxName(partnerId)) {
            g.writeStringField("mbox", mbox(partnerId));
        } else {
            g.writeObjectFieldStart("account");
            g.writeStringField("homePage", ACCOUNT_HOME_PAGE);
            g.writeStringField("name", partnerId);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void activity(JsonGenerator g, String id, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("objectType", "Activity");
        g.writeStringField("id", id);
        if (name != null) {
            g.writeObjectFieldStart("definition");
            g.writeObjectFieldStart("name");
            g.writeStringField("en-US", name);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Lower case only, because the importer matches mailboxes ignoring case: two ids must not share one. */
    private static boolean isMailboxName(String partnerId) {
        return MAILBOX_NAME.matcher(partnerId).matches();
    }

    private static String mbox(String partnerId) {
        return "mailto:" + partnerId + "@" + MAIL_DOMAIN;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
