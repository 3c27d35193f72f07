package dev.partnership.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowOrderTest {

    /** The reference: a stable sort of the row numbers ({@link List#sort} is stable). */
    private static int[] stableOrder(List<Integer> keys) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(i);
        }
        rows.sort(Comparator.comparing(keys::get));
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void edgeSizes() {
        assertArrayEquals(new int[0], RowOrder.sorted(0, (a, b) -> 0));
        assertArrayEquals(new int[] {0}, RowOrder.sorted(1, (a, b) -> 0));
        int[] reversed = {4, 3, 2, 1, 0};
        assertArrayEquals(reversed, RowOrder.sorted(5, (a, b) -> Integer.compare(b, a)));
        assertArrayEquals(new int[] {0, 1, 2}, RowOrder.sorted(3, (a, b) -> 0), "ties keep their order");
    }

    @Test
    void sortsStablyLikeTheJdkWithManyTies() {
        // Sizes straddle the insertion-sort cut-off of 16 and the merge; few distinct keys make ties common.
        qt().withFixedSeed(11L).withExamples(400)
                .forAll(lists().of(integers().between(0, 6)).ofSizeBetween(0, 200))
                .checkAssert(keys -> assertArrayEquals(stableOrder(keys),
                        RowOrder.sorted(keys.size(), (a, b) -> Integer.compare(keys.get(a), keys.get(b)))));
    }

    @Test
    void largeInputInReverseAndAlreadySorted() {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            keys.add((5000 - i) / 3);
        }
        assertArrayEquals(stableOrder(keys), RowOrder.sorted(keys.size(), (a, b) -> Integer.compare(keys.get(a), keys.get(b))));
        int[] identity = new int[5000];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        assertArrayEquals(identity, RowOrder.sorted(5000, Integer::compare), "rows already in order stay put");
    }

    @Test
    void sortedByKeyGivesTheStableMergeSortOrder() {
        // Key = the first criterion, second = a tie-break column; ties on both keep row order. Keys spread widely
        // (including negatives and Long extremes) exercise the packing and its fallback.
        qt().withFixedSeed(12L).withExamples(400)
                .forAll(lists().of(integers().between(0, 9)).ofSizeBetween(0, 300), integers().between(0, 3))
                .checkAssert((values, spread) -> {
                    int n = values.size();
                    long[] key = new long[n];
                    int[] second = new int[n];
                    for (int i = 0; i < n; i++) {
                        long base = values.get(i) / 3;
                        key[i] = spread == 0 ? base : spread == 1 ? base * 1_000_000_007L - 5
                                : spread == 2 ? -base : (base == 0 ? Long.MIN_VALUE : Long.MAX_VALUE - base);
                        second[i] = values.get(i) % 3;
                    }
                    RowOrder.RowComparator c = (a, b) -> {
                        int k = Long.compare(key[a], key[b]);
                        return k != 0 ? k : Integer.compare(second[a], second[b]);
                    };
                    assertArrayEquals(RowOrder.sorted(n, c), RowOrder.sortedByKey(key, n, c));
                });
    }

    @Test
    void sortedByKeyHandlesLongTieRuns() {
        int n = 2000;
        long[] key = new long[n];
        int[] second = new int[n];
        for (int i = 0; i < n; i++) {
            key[i] = (n - i) % 7; // runs of about 286 equal keys, longer than the insertion-sort cut-off
            second[i] = (i * 31) % 11;
        }
        RowOrder.RowComparator c = (a, b) -> {
            int k = Long.compare(key[a], key[b]);
            return k != 0 ? k : Integer.compare(second[a], second[b]);
        };
        assertArrayEquals(RowOrder.sorted(n, c), RowOrder.sortedByKey(key, n, c));
    }
}
