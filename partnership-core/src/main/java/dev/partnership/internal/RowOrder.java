package dev.partnership.internal;

import java.util.Arrays;

/**
 * Sorts row numbers of columnar data by a comparison of rows, without boxing: a stable top-down merge sort over
 * an {@code int[]} permutation. Cost O(n log n) comparisons, O(n) extra ints; O(n) when the rows are already in
 * order (checked first), which is the common case for exported evidence. {@link #sortedByKey} is the fast path
 * for rows whose first sort key is a {@code long} column (a timestamp).
 */
public final class RowOrder {
    private RowOrder() {
    }

    /** Compares two rows by index. */
    @FunctionalInterface
    public interface RowComparator {
        /**
         * Compares rows {@code a} and {@code b}.
         *
         * @param a a row
         * @param b another row
         * @return negative, zero or positive as row {@code a} sorts before, with, or after row {@code b}
         */
        int compare(int a, int b);
    }

    /**
     * Returns the permutation that lists rows {@code 0..n-1} in order; equal rows keep their original order.
     *
     * @param n          number of rows
     * @param comparator row comparison
     * @return row numbers in sorted order
     */
    public static int[] sorted(int n, RowComparator comparator) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        boolean inOrder = true;
        for (int i = 1; i < n && inOrder; i++) {
            inOrder = comparator.compare(i - 1, i) <= 0;
        }
        if (!inOrder) {
            int[] buffer = rows.clone();
            mergeSort(buffer, rows, 0, n, comparator);
        }
        return rows;
    }

    /**
     * Returns the same permutation as {@link #sorted(int, RowComparator)}, for a comparator whose first criterion
     * is {@code key} ascending, faster: when the key range and the row numbers fit together in 63 bits, each row is
     * packed as {@code (key − min) << rowBits | row} and the packed values are sorted as primitives (ties on the key
     * come out in row order, as a stable sort leaves them); only runs of rows with equal keys are then ordered by
     * the comparator, stably. Otherwise it falls back to the merge sort. Cost O(n log n) primitive comparisons plus
     * the comparator on equal-key runs.
     *
     * @param key        the first sort key of each row, {@code key.length >= n}
     * @param n          number of rows
     * @param comparator the full row comparison, which must order rows by {@code key} first
     * @return row numbers in sorted order
     */
    public static int[] sortedByKey(long[] key, int n, RowComparator comparator) {
        if (n < 2) {
            return sorted(n, comparator);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean inOrder = true;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, key[i]);
            max = Math.max(max, key[i]);
            inOrder &= i == 0 || key[i - 1] <= key[i];
        }
        int rowBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long range = max - min;
        if (inOrder || range < 0 || (range >>> (63 - rowBits)) != 0) {
            // In key order already (the merge sort checks the rest in O(n)), or too wide to pack.
            return sorted(n, comparator);
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((key[i] - min) << rowBits) | i;
        }
        Arrays.sort(packed);
        long rowMask = (1L << rowBits) - 1;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (int) (packed[i] & rowMask);
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && key[rows[end]] == key[rows[start]]) {
                end++;
            }
            if (end - start > 1) {
                insertionSort(rows, start, end, comparator);
            }
            start = end;
        }
        return rows;
    }

    /** Stable insertion sort of rows[from, to) by the comparator; equal-key runs are short. */
    private static void insertionSort(int[] rows, int from, int to, RowComparator c) {
        if (to - from > 64) {
            int[] run = Arrays.copyOfRange(rows, from, to);
            int[] buffer = run.clone();
            mergeSort(buffer, run, 0, run.length, c);
            System.arraycopy(run, 0, rows, from, run.length);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= from && c.compare(rows[j], row) > 0) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
    }

    // Sorts src[from, to) into dst[from, to); src and dst start with equal contents.
    private static void mergeSort(int[] src, int[] dst, int from, int to, RowComparator c) {
        int length = to - from;
        if (length < 16) {
            for (int i = from + 1; i < to; i++) {
                int row = dst[i];
                int j = i - 1;
                while (j >= from && c.compare(dst[j], row) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, c);
        mergeSort(dst, src, mid, to, c);
        if (c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, length);
            return;
        }
        for (int i = from, p = from, q = mid; i < to; i++) {
            if (q >= to || (p < mid && c.compare(src[p], src[q]) <= 0)) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }
}
