package dev.partnership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A survey instrument described as data: its answer scale, its items, the factors the items measure, the
 * categories that group factors, and the bands that label a factor score.
 *
 * <p>Immutable and thread-safe. Band rule: bands are listed from best to worst with strictly decreasing
 * {@link Band#min()}; a score belongs to the first band whose {@code min} it reaches ({@code score >= min}); the
 * last band has {@code min == null} and takes every lower score, so no score falls between bands.
 *
 * <p>Built-in instruments are available through {@link #builtIn(String)}; a dataset may declare its own.
 *
 * @param id         identifier, referenced by {@link SurveyResponse#instrument()}
 * @param name       display name
 * @param scale      the answer scale
 * @param items      the items, each measuring one factor
 * @param factors    the factors, each in one category
 * @param categories the categories
 * @param bands      labels for factor scores, best first; may be empty
 */
public record Instrument(String id, String name, Scale scale, List<Item> items, List<Factor> factors,
                         List<Category> categories, List<Band> bands) {

    /**
     * An integer answer scale with an optional "don't know" code outside it.
     *
     * @param min      lowest answer, inclusive
     * @param max      highest answer, inclusive, {@code > min}
     * @param dontKnow code for "don't know", or {@code null}; must lie outside {@code [min, max]}
     */
    public record Scale(int min, int max, Integer dontKnow) {
        /** Validates the components. */
        public Scale {
            if (max <= min) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "scale max (%d) must exceed min (%d)", max, min));
            }
            if (dontKnow != null && dontKnow >= min && dontKnow <= max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "dontKnow code %d must lie outside the scale %d-%d", dontKnow, min, max));
            }
        }

        /**
         * Returns whether {@code answer} is a valid answer: on the scale or the "don't know" code.
         *
         * @param answer an answer
         * @return {@code true} when valid
         */
        public boolean accepts(int answer) {
            return (answer >= min && answer <= max) || (dontKnow != null && answer == dontKnow);
        }
    }

    /**
     * A survey item.
     *
     * @param id      item id, as used in {@link SurveyResponse#answers()}
     * @param factor  id of the factor it measures
     * @param reverse {@code true} when the item is reverse-coded ({@code min + max − answer} is scored)
     */
    public record Item(String id, String factor, boolean reverse) {
        /** Validates the components. */
        public Item {
            Identifiers.requireId(id, "item id");
            Identifiers.requireId(factor, "item factor");
        }
    }

    /**
     * A factor measured by one or more items.
     *
     * @param id       factor id
     * @param name     factor name
     * @param category id of the category it belongs to
     */
    public record Factor(String id, String name, String category) {
        /** Validates the components. */
        public Factor {
            Identifiers.requireId(id, "factor id");
            Identifiers.requireText(name, "factor name");
            Identifiers.requireId(category, "factor category");
        }
    }

    /**
     * A category of factors.
     *
     * @param id   category id
     * @param name category name
     */
    public record Category(String id, String name) {
        /** Validates the components. */
        public Category {
            Identifiers.requireId(id, "category id");
            Identifiers.requireText(name, "category name");
        }
    }

    /**
     * A label for a range of factor scores.
     *
     * @param label band label, for example {@code STRENGTH}
     * @param min   lowest score in the band, inclusive, or {@code null} for the last band
     */
    public record Band(String label, Double min) {
        /** Validates the components. */
        public Band {
            Identifiers.requireId(label, "band label");
            Identifiers.requireFiniteOrNull(min, "band min");
        }
    }

    /** Validates and copies the components; see the record description for the rules. */
    public Instrument {
        id = Identifiers.requireId(id, "instrument id");
        name = Identifiers.requireText(name, "instrument name");
        Objects.requireNonNull(scale, "scale");
        items = List.copyOf(items);
        factors = List.copyOf(factors);
        categories = List.copyOf(categories);
        bands = List.copyOf(bands);
        List<String> problems = structureProblems(items, factors, categories, bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("instrument '" + id + "': " + String.join("; ", problems));
        }
    }

    /**
     * Lists what is inconsistent in an instrument's structure: duplicate ids, items naming unknown factors,
     * factors naming unknown categories, factors without items, and bands that are not strictly decreasing or
     * whose last band is not open ended. Cost O(items + factors + categories + bands).
     *
     * @param items      the items
     * @param factors    the factors
     * @param categories the categories
     * @param bands      the bands
     * @return the problems in words, empty when consistent
     */
    public static List<String> structureProblems(List<Item> items, List<Factor> factors, List<Category> categories,
                                                 List<Band> bands) {
        List<String> problems = new ArrayList<>();
        Set<String> categoryIds = new HashSet<>();
        for (Category c : categories) {
            if (!categoryIds.add(c.id())) {
                problems.add("duplicate category id '" + c.id() + "'");
            }
        }
        Set<String> factorIds = new HashSet<>();
        for (Factor f : factors) {
            if (!factorIds.add(f.id())) {
                problems.add("duplicate factor id '" + f.id() + "'");
            }
            if (!categoryIds.contains(f.category())) {
                problems.add("factor '" + f.id() + "' names unknown category '" + f.category() + "'");
            }
        }
        Set<String> itemIds = new HashSet<>();
        Set<String> measured = new HashSet<>();
        for (Item i : items) {
            if (!itemIds.add(i.id())) {
                problems.add("duplicate item id '" + i.id() + "'");
            }
            if (!factorIds.contains(i.factor())) {
                problems.add("item '" + i.id() + "' names unknown factor '" + i.factor() + "'");
            }
            measured.add(i.factor());
        }
        for (Factor f : factors) {
            if (!measured.contains(f.id())) {
                problems.add("factor '" + f.id() + "' has no items");
            }
        }
        for (int b = 0; b < bands.size(); b++) {
            Double min = bands.get(b).min();
            boolean last = b == bands.size() - 1;
            if (last && min != null) {
                problems.add("the last band '" + bands.get(b).label() + "' must have no min so that every score has a band");
            }
            if (!last && min == null) {
                problems.add("only the last band may omit min, but band '" + bands.get(b).label() + "' does");
            }
            if (b > 0 && min != null && bands.get(b - 1).min() != null && min >= bands.get(b - 1).min()) {
                problems.add("band mins must strictly decrease, but '" + bands.get(b).label() + "' does not");
            }
        }
        return problems;
    }

    /**
     * Returns the label of the band {@code score} falls in, by the rule in the class description.
     *
     * @param score a factor or category score
     * @return the band label, or empty when the instrument has no bands or the score is {@code NaN}
     */
    public Optional<String> band(double score) {
        if (Double.isNaN(score)) {
            return Optional.empty();
        }
        for (Band b : bands) {
            if (b.min() == null || score >= b.min()) {
                return Optional.of(b.label());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the item with the given id.
     *
     * @param itemId an item id
     * @return the item, or empty
     */
    public Optional<Item> item(String itemId) {
        for (Item i : items) {
            if (i.id().equals(itemId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a built-in instrument by id. Built-ins carry factor names only, never another instrument's item
     * wording.
     *
     * @param id an instrument id, for example {@code collaboration-factors}
     * @return the instrument, or empty when there is no built-in with that id
     */
    public static Optional<Instrument> builtIn(String id) {
        return Optional.ofNullable(BuiltInInstruments.BY_ID.get(id));
    }

    /**
     * Returns the built-in instruments by id, in a stable order.
     *
     * @return the built-ins
     */
    public static Map<String, Instrument> builtIns() {
        return BuiltInInstruments.BY_ID;
    }
}
