package dev.partnership.io;

import dev.partnership.Direction;
import dev.partnership.EngagementSignal;
import dev.partnership.Goal;
import dev.partnership.Indicator;
import dev.partnership.Instrument;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A QuickTheories generator of valid, consistent partnerships that exercise every part of the model: every
 * section, optional values present and absent, awkward strings (quotes, slashes, tildes, control characters,
 * non-ASCII), extreme and negative-zero doubles, nanosecond instants, declared instruments with "don't know"
 * codes and bands. Every reference points at an existing id, so each generated value builds.
 */
// Test helpers expose the test libraries' types; the test sources are not a published module API.
@SuppressWarnings("exports")
public final class RandomPartnerships {
    private static final String[] TEXT = {"A", "Riverbend Unified", "quote \" and backslash \\", "slash/and~tilde",
            "tab\tand\nnewline", "Ünïcödé – “typographic”", "emoji 😀 and CJK 合作", "control \u0001 char", " padded "};
    private static final String[] SUFFIX = {"", "/x", "~y", " spaced", "-é", "\"q\""};
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, 0.1, 1e-300, 4.9e-324, 1.7976931348623157e308, -2.5,
            123456.789, 1e21, 3.0};

    private RandomPartnerships() {
    }

    /**
     * Returns the generator.
     *
     * @return partnerships of up to six partners, four goals and a few dozen pieces of evidence
     */
    public static Gen<Partnership> partnerships() {
        return RandomPartnerships::generate;
    }

    private static int between(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    private static boolean chance(RandomnessSource in) {
        return in.next(Constraint.between(0, 1)) == 1;
    }

    private static String text(RandomnessSource in) {
        return TEXT[between(in, 0, TEXT.length - 1)];
    }

    private static double anyDouble(RandomnessSource in) {
        if (chance(in)) {
            double d = SPECIAL[between(in, 0, SPECIAL.length - 1)];
            return chance(in) ? d : -d;
        }
        return in.next(Constraint.between(-1_000_000, 1_000_000)) / 1000.0;
    }

    private static double nonNegative(RandomnessSource in) {
        double d = Math.abs(anyDouble(in));
        return d == 0 ? 0.0 : d; // -0.0 is >= 0 too, but keep the common case plain
    }

    private static Instant instant(RandomnessSource in) {
        long seconds = in.next(Constraint.between(0, 4_102_444_800L));
        long nanos = chance(in) ? 0 : in.next(Constraint.between(0, 999_999_999));
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static <T> T pick(RandomnessSource in, List<T> from) {
        return from.get(between(in, 0, from.size() - 1));
    }

    private static <E extends Enum<E>> E pick(RandomnessSource in, E[] values) {
        return values[between(in, 0, values.length - 1)];
    }

    private static Partnership generate(RandomnessSource in) {
        Partnership.Builder b = Partnership.builder("p" + SUFFIX[between(in, 0, SUFFIX.length - 1)], text(in),
                instant(in));
        List<String> partners = new ArrayList<>();
        int partnerCount = between(in, 0, 6);
        for (int i = 0; i < partnerCount; i++) {
            String id = "partner-" + i + SUFFIX[between(in, 0, SUFFIX.length - 1)];
            partners.add(id);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = between(in, 0, 2); a > 0; a--) {
                attributes.put(text(in) + a, text(in));
            }
            b.partner(new Partner(id, text(in), pick(in, PartnerType.values()), attributes));
        }
        List<String> goals = new ArrayList<>();
        int goalCount = between(in, 0, 4);
        for (int g = 0; g < goalCount; g++) {
            String id = "goal-" + g + SUFFIX[between(in, 0, SUFFIX.length - 1)];
            goals.add(id);
            Indicator indicator = chance(in) ? null : new Indicator(text(in), chance(in) ? null : "%",
                    pick(in, Direction.values()), chance(in) ? null : anyDouble(in), chance(in) ? null : anyDouble(in));
            List<String> owners = new ArrayList<>();
            for (String p : partners) {
                if (chance(in)) {
                    owners.add(p);
                }
            }
            List<Double> levels = new ArrayList<>();
            if (indicator != null && chance(in)) {
                double v = in.next(Constraint.between(-1000, 1000)) / 10.0;
                for (int l = 0; l < Goal.ATTAINMENT_LEVELS; l++) {
                    v += indicator.direction().sign() * (1 + in.next(Constraint.between(0, 100)) / 7.0);
                    levels.add(v);
                }
            }
            double weight = chance(in) ? 1.0 : 0.25 + in.next(Constraint.between(0, 400)) / 16.0;
            Map<String, String> goalAttributes = new LinkedHashMap<>();
            if (chance(in)) {
                goalAttributes.put(Goal.CATEGORY, text(in));
            }
            b.goal(new Goal(id, text(in), indicator, owners, chance(in) ? null : instant(in), weight, levels,
                    goalAttributes));
        }
        if (!partners.isEmpty() && !goals.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (int i = between(in, 0, 8); i > 0; i--) {
                String p = pick(in, partners);
                String g = pick(in, goals);
                if (seen.add(p + '\u0000' + g)) {
                    b.priority(new Priority(p, g, anyDouble(in)));
                }
            }
        }
        if (!partners.isEmpty()) {
            for (int i = between(in, 0, 10); i > 0; i--) {
                String source = pick(in, partners);
                String target = null;
                if (partners.size() > 1 && chance(in)) {
                    do {
                        target = pick(in, partners);
                    } while (target.equals(source));
                }
                SignalKind kind = pick(in, SignalKind.values());
                double value = kind == SignalKind.FEEDBACK ? in.next(Constraint.between(-1000, 1000)) / 1000.0
                        : chance(in) ? 1.0 : Math.min(SignalKind.MAX_VALUE, nonNegative(in));
                String goal = goals.isEmpty() || chance(in) ? null : pick(in, goals);
                b.signal(new EngagementSignal(instant(in), source, target, goal, kind, value));
            }
        }
        if (partners.size() > 1) {
            for (int i = between(in, 0, 8); i > 0; i--) {
                String rater = pick(in, partners);
                String ratee;
                do {
                    ratee = pick(in, partners);
                } while (ratee.equals(rater));
                RatingDimension d = pick(in, RatingDimension.values());
                double value = chance(in) ? between(in, d.min(), d.max())
                        : d.min() + (d.max() - d.min()) * in.next(Constraint.between(0, 1000)) / 1000.0;
                b.rating(new Rating(instant(in), rater, ratee, d, value));
            }
        }
        List<Instrument> instruments = new ArrayList<>(List.of(Instrument.builtIn("collaboration-factors").orElseThrow()));
        if (chance(in)) {
            Instrument declared = instrument(in);
            b.instrument(declared);
            instruments.add(declared);
        }
        Set<String> responses = new HashSet<>();
        for (int i = between(in, 0, 6); i > 0; i--) {
            Instrument ins = pick(in, instruments);
            String wave = "wave-" + between(in, 1, 2);
            String respondent = "r-" + between(in, 1, 4);
            if (!responses.add(ins.id() + '\u0000' + wave + '\u0000' + respondent)) {
                continue;
            }
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (Instrument.Item item : ins.items()) {
                if (chance(in)) {
                    Integer dk = ins.scale().dontKnow();
                    answers.put(item.id(), dk != null && chance(in) ? dk : between(in, ins.scale().min(), ins.scale().max()));
                }
            }
            String partner = partners.isEmpty() || chance(in) ? null : pick(in, partners);
            b.survey(new SurveyResponse(ins.id(), wave, respondent, partner, answers));
        }
        if (!goals.isEmpty()) {
            for (int i = between(in, 0, 5); i > 0; i--) {
                List<Double> values = new ArrayList<>();
                if (chance(in)) {
                    for (int v = between(in, 1, 5); v > 0; v--) {
                        values.add(anyDouble(in));
                    }
                }
                Integer n = chance(in) ? null : values.isEmpty() ? between(in, 1, 5000) : values.size();
                b.measurement(new Measurement(pick(in, goals), instant(in), pick(in, MeasurementGroup.values()),
                        anyDouble(in), chance(in) ? null : nonNegative(in), n, chance(in) ? null : nonNegative(in), values));
            }
        }
        return b.build();
    }

    private static Instrument instrument(RandomnessSource in) {
        int min = between(in, 0, 2);
        int max = min + between(in, 1, 6);
        Integer dontKnow = chance(in) ? null : chance(in) ? max + 1 + between(in, 0, 90) : min - 1;
        List<Instrument.Category> categories = new ArrayList<>();
        int categoryCount = between(in, 1, 2);
        for (int c = 0; c < categoryCount; c++) {
            categories.add(new Instrument.Category("cat-" + c, text(in)));
        }
        List<Instrument.Factor> factors = new ArrayList<>();
        List<Instrument.Item> items = new ArrayList<>();
        int factorCount = between(in, 1, 3);
        for (int f = 0; f < factorCount; f++) {
            String id = "factor-" + f;
            factors.add(new Instrument.Factor(id, text(in), pick(in, categories).id()));
            for (int i = between(in, 1, 2); i > 0; i--) {
                items.add(new Instrument.Item("item-" + items.size(), id, chance(in)));
            }
        }
        List<Instrument.Band> bands = new ArrayList<>();
        if (chance(in)) {
            double top = max - in.next(Constraint.between(0, 10)) / 10.0;
            bands.add(new Instrument.Band("HIGH", top));
            if (chance(in)) {
                bands.add(new Instrument.Band("MIDDLE", top - 0.5));
            }
            bands.add(new Instrument.Band("LOW", null));
        }
        return new Instrument("declared" + SUFFIX[between(in, 0, SUFFIX.length - 1)], text(in),
                new Instrument.Scale(min, max, dontKnow), items, factors, categories, bands);
    }
}
