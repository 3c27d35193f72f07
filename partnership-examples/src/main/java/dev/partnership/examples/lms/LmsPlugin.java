package dev.partnership.examples.lms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.partnership.EngagementSignal;
import dev.partnership.Partner;
import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.examples.sample.XapiStatements;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.XapiMapping;
import dev.partnership.io.XapiReader;
import dev.partnership.metrics.trust.BetaReputation;
import dev.partnership.metrics.trust.IncrementalBetaReputation;
import dev.partnership.metrics.trust.IncrementalTrustSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an LMS plugin does with the library: statements arrive from the learning record store in batches, become
 * engagement signals through an xAPI mapping ({@link XapiReader}), and update trust one signal at a time
 * ({@link IncrementalBetaReputation}: no allocation per signal, no re-reading of history). Trust can be asked for at
 * any moment, and statements that could not be mapped are reported with each batch, never dropped silently.
 *
 * <p>Run: {@code java -cp partnership.jar dev.partnership.examples.lms.LmsPlugin}: feeds the Riverbend sample's
 * signals as xAPI statements in batches of 250 and prints each partner's trust after the last batch.
 *
 * <p>Not thread-safe, like the accumulator it holds: an LMS that receives statements on several threads gives each
 * thread its own plugin and merges their {@link #scores()} with {@link IncrementalBetaReputation#merge}.
 */
public final class LmsPlugin {
    private final Partnership skeleton;
    private final XapiReader reader;
    private final IncrementalBetaReputation trust;

    /**
     * What one batch gave.
     *
     * @param mapped   statements turned into signals and added
     * @param unmapped statements that could not be mapped, with the reasons
     * @param summary  one line for the plugin's log
     */
    public record BatchReport(int mapped, List<XapiReader.Unmapped> unmapped, String summary) {
        /** Copies the list. */
        public BatchReport {
            unmapped = List.copyOf(unmapped);
        }
    }

    /**
     * Creates the plugin.
     *
     * @param skeleton     the partnership's partners and goals (its own signals, if any, are not counted)
     * @param mapping      how statements map to partners, goals and signal kinds
     * @param halfLifeDays the half-life of evidence, as {@code beta-reputation}'s {@code halfLifeDays}
     */
    public LmsPlugin(Partnership skeleton, XapiMapping mapping, double halfLifeDays) {
        this.skeleton = Objects.requireNonNull(skeleton, "skeleton").withSignals(List.of());
        this.reader = new XapiReader(mapping);
        List<String> ids = new ArrayList<>();
        for (Partner p : skeleton.partners()) {
            ids.add(p.id());
        }
        this.trust = new IncrementalBetaReputation(ids, halfLifeDays);
    }

    /**
     * Maps a batch of statements (a JSON array or an LRS response) and adds the signals.
     *
     * @param statementsJson the batch
     * @return what was added and what was not
     * @throws dev.partnership.InvalidDatasetException when the batch is not valid xAPI JSON; nothing is added
     */
    public BatchReport receive(String statementsJson) {
        XapiReader.Result result = reader.read(skeleton, statementsJson, "batch");
        for (EngagementSignal s : result.partnership().signals()) {
            trust.add(s);
        }
        return new BatchReport(result.mapped(), result.unmapped(), result.summary());
    }

    /**
     * Returns how far one partner trusts another as of a time: the Beta expectation E of the first-hand evidence.
     *
     * @param from  the trusting partner's id
     * @param to    the trusted partner's id
     * @param asOf  the time, not before the newest signal received
     * @return E in (0, 1), 0.5 without evidence
     */
    public double trust(String from, String to, Instant asOf) {
        return trust.trust(index(from), index(to), asOf.toEpochMilli());
    }

    /**
     * Returns the accumulator, for snapshots and for merging plugins of several threads.
     *
     * @return the accumulator (mutable; not thread-safe)
     */
    public IncrementalBetaReputation scores() {
        return trust;
    }

    private int index(String partner) {
        int i = trust.indexOf(partner);
        if (i < 0) {
            throw new IllegalArgumentException("unknown partner '" + partner + "'");
        }
        return i;
    }

    /**
     * Splits a statement array into batches of JSON text, as an LRS would deliver them.
     *
     * @param statementsJson a JSON array of statements
     * @param size           statements per batch
     * @return the batches
     * @throws IOException when the text is not JSON
     */
    public static List<String> batches(String statementsJson, int size) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(statementsJson);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            ArrayNode batch = json.createArrayNode();
            for (int i = from; i < Math.min(all.size(), from + size); i++) {
                batch.add(all.get(i));
            }
            out.add(json.writeValueAsString(batch));
        }
        return out;
    }

    /**
     * Feeds the sample's signals as statements and prints every partner's trust at the end.
     *
     * @param args ignored
     * @throws IOException when the bundled sample cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    /**
     * The body of {@link #main}, printing to {@code out}.
     *
     * @param out where to print
     * @return the plugin after the last batch
     * @throws IOException when the bundled sample cannot be read
     */
    public static LmsPlugin run(PrintStream out) throws IOException {
        Partnership sample;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            sample = DatasetReader.defaults().read(in, "sample");
        }
        LmsPlugin plugin = new LmsPlugin(sample, XapiStatements.mapping(sample),
                BetaReputation.DEFAULT_HALF_LIFE_DAYS);
        int mapped = 0;
        for (String batch : batches(XapiStatements.toJson(sample), 250)) {
            mapped += plugin.receive(batch).mapped();
        }
        IncrementalTrustSnapshot now = plugin.scores().result(SampleGenerator.END);
        out.printf("%d signals received; trust as of %s:%n", mapped, SampleGenerator.END);
        for (int p = 0; p < now.partners().size(); p++) {
            out.printf("  %-10s %.3f%n", now.partners().get(p), now.partnerTrust(p));
        }
        return plugin;
    }
}
