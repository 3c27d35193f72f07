package dev.partnership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The instruments the library ships, defined by factor names only. */
final class BuiltInInstruments {
    private BuiltInInstruments() {
    }

    /** Built-ins by id. */
    static final Map<String, Instrument> BY_ID;

    static {
        Map<String, Instrument> byId = new LinkedHashMap<>();
        Instrument cf = collaborationFactors();
        byId.put(cf.id(), cf);
        Instrument ps = partnershipSynergy();
        byId.put(ps.id(), ps);
        BY_ID = Collections.unmodifiableMap(byId);
    }

    /**
     * The 20 collaboration factors in 6 categories after Mattessich &amp; Monsey, <i>Collaboration: What Makes It
     * Work</i> (2nd ed., 2001), two items each ({@code cf01}…{@code cf40}, items {@code 2k−1} and {@code 2k}
     * measuring factor {@code k}), on a 1–5 agreement scale with bands STRENGTH ≥ 4.0, BORDERLINE ≥ 3.0,
     * CONCERN below.
     */
    private static Instrument collaborationFactors() {
        String[][] categories = {
                {"environment", "Environment"},
                {"membership", "Membership characteristics"},
                {"process", "Process and structure"},
                {"communication", "Communication"},
                {"purpose", "Purpose"},
                {"resources", "Resources"},
        };
        String[][] factors = {
                {"history", "History of collaboration or cooperation in the community", "environment"},
                {"legitimate-leader", "Collaborative group seen as a legitimate leader in the community", "environment"},
                {"climate", "Favorable political and social climate", "environment"},
                {"mutual-respect", "Mutual respect, understanding, and trust", "membership"},
                {"cross-section", "Appropriate cross section of members", "membership"},
                {"self-interest", "Members see collaboration as in their self-interest", "membership"},
                {"compromise", "Ability to compromise", "membership"},
                {"shared-stake", "Members share a stake in both process and outcome", "process"},
                {"multiple-layers", "Multiple layers of participation", "process"},
                {"flexibility", "Flexibility", "process"},
                {"clear-roles", "Development of clear roles and policy guidelines", "process"},
                {"adaptability", "Adaptability", "process"},
                {"pace", "Appropriate pace of development", "process"},
                {"open-communication", "Open and frequent communication", "communication"},
                {"informal-links", "Established informal relationships and communication links", "communication"},
                {"attainable-goals", "Concrete, attainable goals and objectives", "purpose"},
                {"shared-vision", "Shared vision", "purpose"},
                {"unique-purpose", "Unique purpose", "purpose"},
                {"sufficient-resources", "Sufficient funds, staff, materials, and time", "resources"},
                {"skilled-leadership", "Skilled leadership", "resources"},
        };
        List<Instrument.Category> cats = new ArrayList<>();
        for (String[] c : categories) {
            cats.add(new Instrument.Category(c[0], c[1]));
        }
        List<Instrument.Factor> facs = new ArrayList<>();
        List<Instrument.Item> items = new ArrayList<>();
        for (int k = 0; k < factors.length; k++) {
            facs.add(new Instrument.Factor(factors[k][0], factors[k][1], factors[k][2]));
            items.add(new Instrument.Item(String.format(Locale.ROOT, "cf%02d", 2 * k + 1), factors[k][0], false));
            items.add(new Instrument.Item(String.format(Locale.ROOT, "cf%02d", 2 * k + 2), factors[k][0], false));
        }
        List<Instrument.Band> bands = List.of(
                new Instrument.Band("STRENGTH", 4.0),
                new Instrument.Band("BORDERLINE", 3.0),
                new Instrument.Band("CONCERN", null));
        return new Instrument("collaboration-factors", "Collaboration factors", new Instrument.Scale(1, 5, null),
                items, facs, cats, bands);
    }

    /** Items per factor of {@code partnership-synergy}. */
    static final int SYNERGY_ITEMS_PER_FACTOR = 3;

    /**
     * The ten dimensions of the Partnership Self-Assessment Tool after Weiss, Anderson &amp; Lasker (2002),
     * "Making the most of collaboration: exploring the relationship between partnership synergy and partnership
     * functioning", <i>Health Education &amp; Behavior</i> 29(6), 683–698. Each dimension is both a factor and its
     * own category (same id and name). Three items per factor ({@code ps01}…{@code ps30}, items {@code 3k−2},
     * {@code 3k−1} and {@code 3k} measuring factor {@code k}); no item wording is carried. Answers on a 1–5 scale
     * with the "don't know" code 9; the {@code drawbacks} items are reverse-coded so that a higher score is better
     * everywhere. Bands as {@code collaboration-factors}: STRENGTH ≥ 4.0, BORDERLINE ≥ 3.0, CONCERN below.
     */
    private static Instrument partnershipSynergy() {
        String[][] factors = {
                {"synergy", "Synergy"},
                {"leadership", "Leadership"},
                {"efficiency", "Efficiency"},
                {"administration", "Administration and management"},
                {"non-financial-resources", "Non-financial resources"},
                {"financial-resources", "Financial resources"},
                {"decision-making", "Decision making"},
                {"benefits", "Benefits of participation"},
                {"drawbacks", "Drawbacks of participation"},
                {"satisfaction", "Satisfaction with participation"},
        };
        List<Instrument.Category> cats = new ArrayList<>();
        List<Instrument.Factor> facs = new ArrayList<>();
        List<Instrument.Item> items = new ArrayList<>();
        int next = 1;
        for (String[] f : factors) {
            cats.add(new Instrument.Category(f[0], f[1]));
            facs.add(new Instrument.Factor(f[0], f[1], f[0]));
            // Drawbacks are asked as problems; reverse coding makes "higher is better" hold for every factor.
            boolean reverse = f[0].equals("drawbacks");
            for (int j = 0; j < SYNERGY_ITEMS_PER_FACTOR; j++) {
                items.add(new Instrument.Item(String.format(Locale.ROOT, "ps%02d", next++), f[0], reverse));
            }
        }
        List<Instrument.Band> bands = List.of(
                new Instrument.Band("STRENGTH", 4.0),
                new Instrument.Band("BORDERLINE", 3.0),
                new Instrument.Band("CONCERN", null));
        return new Instrument("partnership-synergy", "Partnership synergy and functioning",
                new Instrument.Scale(1, 5, 9), items, facs, cats, bands);
    }
}
