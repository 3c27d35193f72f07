package dev.partnership.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Instrument;
import dev.partnership.InvalidDatasetException;
import dev.partnership.Measurement;
import dev.partnership.MeasurementGroup;
import dev.partnership.Partner;
import dev.partnership.PartnerType;
import dev.partnership.Partnership;
import dev.partnership.Priority;
import dev.partnership.Rating;
import dev.partnership.RatingDimension;
import dev.partnership.SignalKind;
import dev.partnership.SurveyResponse;
import dev.partnership.internal.PartnershipValidator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a parsed {@code partnership-dataset/1} document to a {@link Partnership}, reporting every problem in the
 * document at once.
 *
 * <p>Order of work: the document's structure and every record's fields are bound first (unknown properties,
 * missing or {@code null} required values, wrong JSON types, bad enum names, unparseable timestamps, non-finite
 * numbers); record-level rules are checked at the offending field's pointer by the model's own rule methods
 * ({@link RatingDimension#accepts(double)}, {@link SignalKind#accepts(double)},
 * {@link Goal#attainmentLevelsProblem(List, Indicator)}, {@link Instrument#structureProblems}), together with the
 * format's numeric bounds (goal weight {@code > 0}, measurement {@code sd, se >= 0} and {@code n >= 1}); whatever
 * a record constructor still rejects is reported at the record's pointer. When every record bound, the
 * {@link Partnership} constructor checks the cross-references; when some did not, the cross-references are still
 * checked with {@link PartnershipValidator} as long as the partners, goals and instruments all bound (otherwise
 * every reference would look dangling), skipping sections that have failed records so that pointers stay exact.
 *
 * <p>Not thread-safe; create one per document (the public entry point does).
 */
public final class DatasetBinder {
    /** The format identifier this binder reads. */
    public static final String FORMAT = "partnership-dataset/1";

    /** Top-level keys, in documentation order. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("format", "partnership", "partners", "goals",
            "priorities", "signals", "ratings", "surveys", "measurements", "instruments");
    private static final List<String> HEADER_KEYS = List.of("id", "name", "start");
    private static final List<String> PARTNER_KEYS = List.of("id", "name", "type", "attributes");
    private static final List<String> GOAL_KEYS = List.of("id", "title", "indicator", "owners", "deadline", "weight",
            "attainmentLevels", "attributes");
    private static final List<String> INDICATOR_KEYS = List.of("name", "unit", "direction", "baseline", "target");
    private static final List<String> PRIORITY_KEYS = List.of("partner", "goal", "weight");
    private static final List<String> SIGNAL_KEYS = List.of("at", "source", "target", "goal", "kind", "value");
    private static final List<String> RATING_KEYS = List.of("at", "rater", "ratee", "dimension", "value");
    private static final List<String> SURVEY_KEYS = List.of("instrument", "wave", "respondent", "partner", "answers");
    private static final List<String> MEASUREMENT_KEYS = List.of("goal", "at", "group", "mean", "sd", "n", "se",
            "values");
    private static final List<String> INSTRUMENT_KEYS = List.of("id", "name", "scale", "items", "factors",
            "categories", "bands");
    private static final List<String> SCALE_KEYS = List.of("min", "max", "dontKnow");
    private static final List<String> ITEM_KEYS = List.of("id", "factor", "reverse");
    private static final List<String> FACTOR_KEYS = List.of("id", "name", "category");
    private static final List<String> CATEGORY_KEYS = List.of("id", "name");
    private static final List<String> BAND_KEYS = List.of("label", "min");

    private final TreeBinder b = new TreeBinder();
    /**
     * One instance per distinct id string: evidence rows repeat a few ids millions of times, and sharing the
     * instances saves their memory and makes every later id lookup (hash cached, equality by identity) cheap.
     */
    private final Map<String, String> canonicalIds = new HashMap<>();

    private DatasetBinder() {
    }

    /**
     * Binds a document.
     *
     * @param root   the parsed document
     * @param source where it came from, for the exception, or {@code null}
     * @return the partnership
     * @throws InvalidDatasetException listing every problem found, with {@code source}
     */
    public static Partnership bind(JsonNode root, String source) {
        return new DatasetBinder().document(root, source);
    }

    private Partnership document(JsonNode root, String source) {
        ObjectBinding doc = b.object(root, "", TOP_LEVEL_KEYS);
        if (doc == null) {
            throw failure(source);
        }
        if (!b.format(doc, FORMAT)) {
            throw failure(source);
        }
        String id = null;
        String name = null;
        Instant start = null;
        JsonNode headerNode = doc.required("partnership");
        if (headerNode != null) {
            ObjectBinding header = b.object(headerNode, "/partnership", HEADER_KEYS);
            if (header != null) {
                id = header.string("id");
                name = header.string("name");
                start = header.instant("start");
            }
        }
        List<Partner> partners = doc.records("partners", this::partner);
        List<Goal> goals = doc.records("goals", this::goal);
        List<Priority> priorities = doc.records("priorities", this::priority);
        List<EngagementSignal> signals = doc.records("signals", this::signal);
        List<Rating> ratings = doc.records("ratings", this::rating);
        List<SurveyResponse> surveys = doc.records("surveys", this::survey);
        List<Measurement> measurements = doc.records("measurements", this::measurement);
        List<Instrument> instruments = doc.records("instruments", this::instrument);

        if (b.problemCount() == 0) {
            try {
                return new Partnership(id, name, start, partners, goals, priorities, signals, ratings, surveys,
                        measurements, instruments);
            } catch (InvalidDatasetException e) {
                b.problems().addAll(e.problems());
                throw failure(source);
            } catch (IllegalArgumentException | NullPointerException e) {
                // The header broke a rule of Partnership itself; the cross-references are checked below.
                b.report("/partnership", TreeBinder.messageOf(e));
            }
        }
        if (complete(partners) && complete(goals) && complete(instruments)) {
            b.problems().addAll(PartnershipValidator.crossReferenceProblems(partners, goals, orEmpty(priorities),
                    orEmpty(signals), orEmpty(ratings), orEmpty(surveys), orEmpty(measurements), instruments));
        }
        throw failure(source);
    }

    private InvalidDatasetException failure(String source) {
        return new InvalidDatasetException(source, b.problems());
    }

    private static boolean complete(List<?> list) {
        return list != null && !list.contains(null);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return complete(list) ? list : List.of();
    }

    private Partner partner(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, PARTNER_KEYS);
        if (o == null) {
            return null;
        }
        String id = canonical(o.string("id"));
        String name = o.string("name");
        PartnerType type = o.enumValue("type", PartnerType.class, "partner type");
        Map<String, String> attributes = o.stringMap("attributes");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Partner(id, name, type, attributes));
    }

    private Goal goal(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, GOAL_KEYS);
        if (o == null) {
            return null;
        }
        String id = canonical(o.string("id"));
        String title = o.string("title");
        JsonNode indicatorNode = o.optional("indicator");
        Indicator indicator = indicatorNode == null ? null : indicator(indicatorNode, o.at("indicator"));
        List<String> owners = o.strings("owners");
        Instant deadline = o.optionalInstant("deadline");
        Double weight = o.number("weight", 1.0);
        if (weight != null && !(weight > 0)) {
            b.report(o.at("weight"), "goal weight must be > 0, was " + weight);
        }
        List<Double> levels = o.numbers("attainmentLevels");
        // The levels can only be judged against an indicator that bound (or is truly absent).
        if (levels != null && (indicatorNode == null || indicator != null)) {
            String problem = Goal.attainmentLevelsProblem(levels, indicator);
            if (problem != null) {
                b.report(o.at("attainmentLevels"), problem);
            }
        }
        Map<String, String> attributes = o.stringMap("attributes");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Goal(id, title, indicator, owners, deadline, weight, levels, attributes));
    }

    private Indicator indicator(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, INDICATOR_KEYS);
        if (o == null) {
            return null;
        }
        String name = o.string("name");
        String unit = o.optionalString("unit");
        Direction direction = o.enumValue("direction", Direction.class, "direction");
        Double baseline = o.optionalNumber("baseline");
        Double target = o.optionalNumber("target");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Indicator(name, unit, direction, baseline, target));
    }

    private Priority priority(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, PRIORITY_KEYS);
        if (o == null) {
            return null;
        }
        String partner = o.string("partner");
        String goal = o.string("goal");
        Double weight = o.number("weight");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Priority(partner, goal, weight));
    }

    private EngagementSignal signal(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, SIGNAL_KEYS);
        if (o == null) {
            return null;
        }
        Instant when = o.instant("at");
        String source = canonical(o.string("source"));
        String target = canonical(o.optionalString("target"));
        String goal = canonical(o.optionalString("goal"));
        SignalKind kind = o.enumValue("kind", SignalKind.class, "signal kind");
        Double value = o.number("value", 1.0);
        if (kind != null && value != null && !kind.accepts(value)) {
            b.report(o.at("value"), "signal value for " + kind + " must be " + kind.acceptedValues() + ", was " + value);
        }
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new EngagementSignal(when, source, target, goal, kind, value));
    }

    private String canonical(String id) {
        if (id == null) {
            return null;
        }
        String known = canonicalIds.putIfAbsent(id, id);
        return known == null ? id : known;
    }

    private Rating rating(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, RATING_KEYS);
        if (o == null) {
            return null;
        }
        Instant when = o.instant("at");
        String rater = canonical(o.string("rater"));
        String ratee = canonical(o.string("ratee"));
        RatingDimension dimension = o.enumValue("dimension", RatingDimension.class, "rating dimension");
        Double value = o.number("value");
        if (dimension != null && value != null && !dimension.accepts(value)) {
            b.report(o.at("value"), "rating value for " + dimension + " must be on its scale " + dimension.scale()
                    + ", was " + value);
        }
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Rating(when, rater, ratee, dimension, value));
    }

    private SurveyResponse survey(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, SURVEY_KEYS);
        if (o == null) {
            return null;
        }
        String instrument = o.string("instrument");
        String wave = o.string("wave");
        String respondent = o.string("respondent");
        String partner = o.optionalString("partner");
        Map<String, Integer> answers = o.integerMap("answers");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new SurveyResponse(instrument, wave, respondent, partner, answers));
    }

    private Measurement measurement(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, MEASUREMENT_KEYS);
        if (o == null) {
            return null;
        }
        String goal = o.string("goal");
        Instant when = o.instant("at");
        MeasurementGroup group = o.enumValue("group", MeasurementGroup.class, "measurement group");
        Double mean = o.number("mean");
        Double sd = o.optionalNumber("sd");
        if (sd != null && sd < 0) {
            b.report(o.at("sd"), "sd must be a finite number >= 0, was " + sd);
        }
        Integer n = o.optionalInteger("n");
        if (n != null && n < 1) {
            b.report(o.at("n"), "n must be >= 1, was " + n);
        }
        Double se = o.optionalNumber("se");
        if (se != null && se < 0) {
            b.report(o.at("se"), "se must be a finite number >= 0, was " + se);
        }
        List<Double> values = o.numbers("values");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Measurement(goal, when, group, mean, sd, n, se, values));
    }

    private Instrument instrument(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, INSTRUMENT_KEYS);
        if (o == null) {
            return null;
        }
        String id = o.string("id");
        String name = o.string("name");
        JsonNode scaleNode = o.required("scale");
        Instrument.Scale scale = scaleNode == null ? null : scale(scaleNode, o.at("scale"));
        List<Instrument.Item> items = o.list("items", this::item);
        List<Instrument.Factor> factors = o.list("factors", this::factor);
        List<Instrument.Category> categories = o.list("categories", this::category);
        List<Instrument.Band> bands = o.list("bands", this::band);
        if (items != null && factors != null && categories != null && bands != null) {
            for (String problem : Instrument.structureProblems(items, factors, categories, bands)) {
                b.report(at, problem);
            }
        }
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument(id, name, scale, items, factors, categories, bands));
    }

    private Instrument.Scale scale(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, SCALE_KEYS);
        if (o == null) {
            return null;
        }
        Integer min = o.integer("min");
        Integer max = o.integer("max");
        Integer dontKnow = o.optionalInteger("dontKnow");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument.Scale(min, max, dontKnow));
    }

    private Instrument.Item item(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, ITEM_KEYS);
        if (o == null) {
            return null;
        }
        String id = o.string("id");
        String factor = o.string("factor");
        Boolean reverse = o.bool("reverse", false);
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument.Item(id, factor, reverse));
    }

    private Instrument.Factor factor(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, FACTOR_KEYS);
        if (o == null) {
            return null;
        }
        String id = o.string("id");
        String name = o.string("name");
        String category = o.string("category");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument.Factor(id, name, category));
    }

    private Instrument.Category category(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, CATEGORY_KEYS);
        if (o == null) {
            return null;
        }
        String id = o.string("id");
        String name = o.string("name");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument.Category(id, name));
    }

    private Instrument.Band band(JsonNode node, String at) {
        int before = b.problemCount();
        ObjectBinding o = b.object(node, at, BAND_KEYS);
        if (o == null) {
            return null;
        }
        String label = o.string("label");
        Double min = o.optionalNumber("min");
        if (b.problemCount() > before) {
            return null;
        }
        return b.construct(at, () -> new Instrument.Band(label, min));
    }
}
