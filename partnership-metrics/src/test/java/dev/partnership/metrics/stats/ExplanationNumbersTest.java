package dev.partnership.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Tests {@link ExplanationNumbers}. */
class ExplanationNumbersTest {

    @Test
    void writesLevelsExactly() {
        assertEquals("95%", ExplanationNumbers.level(0.95));
        assertEquals("97.5%", ExplanationNumbers.level(0.975));
        assertEquals("90%", ExplanationNumbers.level(0.9));
        assertEquals("99.99%", ExplanationNumbers.level(0.9999));
    }

    @Test
    void writesWholePercentages() {
        assertEquals("46%", ExplanationNumbers.percent(6.0 / 13));
        assertEquals("120%", ExplanationNumbers.percent(1.2));
        assertEquals("0%", ExplanationNumbers.percent(-0.001));
        assertEquals("-20%", ExplanationNumbers.percent(-0.2));
    }

    @Test
    void writesTwoDecimalsLikeFormatDoes() {
        assertEquals("0.83", ExplanationNumbers.twoDecimals(0.834));
        assertEquals("0.50", ExplanationNumbers.twoDecimals(0.5));
        assertEquals("0.05", ExplanationNumbers.twoDecimals(0.049999));
        assertEquals("1.00", ExplanationNumbers.twoDecimals(0.999));
        assertEquals("12.70", ExplanationNumbers.twoDecimals(12.7));
        assertEquals("-0.26", ExplanationNumbers.twoDecimals(-0.259));
        assertEquals("0.00", ExplanationNumbers.twoDecimals(-0.001));
        for (double x = -3; x < 3; x += 0.0137) {
            assertEquals(String.format(Locale.ROOT, "%.2f", x).replace("-0.00", "0.00"),
                    ExplanationNumbers.twoDecimals(x), "x = " + x);
        }
    }

    @Test
    void writesValuesWithFourSignificantDigitsWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("12", ExplanationNumbers.plain(12.0));
            assertEquals("12.3", ExplanationNumbers.plain(12.3));
            assertEquals("0.1235", ExplanationNumbers.plain(0.123456));
            assertEquals("1235000", ExplanationNumbers.plain(1234567));
            assertEquals("-2.5", ExplanationNumbers.plain(-2.5));
            assertEquals("0", ExplanationNumbers.plain(-0.0));
        } finally {
            Locale.setDefault(before);
        }
    }
}
