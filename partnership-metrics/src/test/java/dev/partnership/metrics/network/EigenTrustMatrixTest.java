package dev.partnership.metrics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests {@link EigenTrustMatrix}: merging, ordering, normalisation and zero rows. */
class EigenTrustMatrixTest {

    @Test
    void normalisesThePositivePartOfEachRow() {
        // Row 0 of the reference vector (EigenTrustTest.VECTOR_S): (0, 4, 1, −2) → (0, 0.8, 0.2, 0).
        int[] from = {0, 0, 0, 3, 3};
        int[] to = {1, 2, 3, 0, 1};
        double[] s = {4, 1, -2, -1, -3};
        EigenTrustMatrix c = EigenTrustMatrix.of(4, from, to, s);
        assertEquals(0.8, c.normalized(0, 1), 1e-15);
        assertEquals(0.2, c.normalized(0, 2), 1e-15);
        assertEquals(0, c.normalized(0, 3));
        assertEquals(0, c.normalized(0, 0));
        assertEquals(5, c.relationships());
        assertEquals(2, c.positiveRelationships());
        // Rows 1 and 2 have no relationship, row 3 only negative ones.
        assertEquals(3, c.zeroRows());
        assertEquals(4, c.nodes());
    }

    @Test
    void mergesEntriesOfOnePairAndSortsByFromThenTo() {
        int[] from = {2, 0, 2, 0, 1};
        int[] to = {0, 2, 0, 1, 2};
        double[] s = {1, 5, 2, -1, 0};
        EigenTrustMatrix c = EigenTrustMatrix.of(3, from, to, s);
        assertEquals(4, c.relationships());
        int[][] expected = {{0, 1}, {0, 2}, {1, 2}, {2, 0}};
        double[] sums = {-1, 5, 0, 3};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k][0], c.relationFrom(k), "from of " + k);
            assertEquals(expected[k][1], c.relationTo(k), "to of " + k);
            assertEquals(sums[k], c.satisfaction(k), "s of " + k);
        }
        assertEquals(1.0, c.normalized(0, 2));
        assertEquals(1.0, c.normalized(2, 0));
        // Row 1's only relationship sums to zero: a zero row.
        assertEquals(1, c.zeroRows());
        assertTrue(c.toString().contains("relationships=4"), c.toString());
    }

    @Test
    void emptyEdgeListGivesOnlyZeroRows() {
        EigenTrustMatrix c = EigenTrustMatrix.of(3, new int[0], new int[0], new double[0]);
        assertEquals(0, c.relationships());
        assertEquals(3, c.zeroRows());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrustMatrix.of(0, new int[0], new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrustMatrix.of(2, new int[] {0}, new int[] {1, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrustMatrix.of(2, new int[] {-1}, new int[] {1}, new double[] {1}));
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
                () -> EigenTrustMatrix.of(2, new int[] {1}, new int[] {1}, new double[] {1}));
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EigenTrustMatrix.of(2, new int[] {0}, new int[] {1}, new double[] {Double.NaN}));
        EigenTrustMatrix c = EigenTrustMatrix.of(2, new int[] {0}, new int[] {1}, new double[] {1});
        assertThrows(IndexOutOfBoundsException.class, () -> c.normalized(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.normalized(0, -1));
    }
}
