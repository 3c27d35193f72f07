package dev.partnership.metrics.trust;

import java.util.List;

/**
 * Names a list of partners in an explanation: {@code a}, {@code a and b}, {@code a, b and c}, and beyond
 * {@value #MAX_NAMED} names {@code a, b, c and 4 more partners}, so that an explanation stays one sentence however
 * large the network (the full list is in the score's details). Stateless and thread-safe; O(names shown).
 */
final class PartnerNames {
    /** Most partners named one by one. */
    static final int MAX_NAMED = 3;

    private PartnerNames() {
    }

    /**
     * Writes the ids in words, in the order given.
     *
     * @param ids partner ids, at least one
     * @return the text
     */
    static String inWords(List<String> ids) {
        int n = ids.size();
        if (n <= MAX_NAMED) {
            StringBuilder sb = new StringBuilder(ids.get(0));
            for (int i = 1; i < n; i++) {
                sb.append(i == n - 1 ? " and " : ", ").append(ids.get(i));
            }
            return sb.toString();
        }
        int more = n - MAX_NAMED;
        return String.join(", ", ids.subList(0, MAX_NAMED)) + " and " + more
                + (more == 1 ? " more partner" : " more partners");
    }
}
