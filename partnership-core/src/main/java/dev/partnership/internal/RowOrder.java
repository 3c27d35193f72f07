package dev.partnership.internal;

/**
 * Sorts row numbers of columnar data by a comparison of rows, without boxing: a stable top-down merge sort over
 * an {@code int[]} permutation. Cost O(n log n) comparisons, O(n) extra ints; O(n) when the rows are already in
 * order (checked first), which is the common case for exported evidence.
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
