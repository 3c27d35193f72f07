package dev.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyResponseTest {

    @Test
    void answersAreSortedByItemAndCopied() {
        Map<String, Integer> answers = new HashMap<>(Map.of("cf10", 2, "cf02", 5, "cf01", 4));
        SurveyResponse r = new SurveyResponse("collaboration-factors", "w", "r", null, answers);
        answers.put("cf03", 1);
        assertEquals(List.of("cf01", "cf02", "cf10"), new ArrayList<>(r.answers().keySet()));
        assertNull(r.partner());
        assertThrows(UnsupportedOperationException.class, () -> r.answers().clear());
    }

    @Test
    void idsAndAnswersAreChecked() {
        Map<String, Integer> nullAnswer = new HashMap<>();
        nullAnswer.put("cf01", null);
        assertThrows(NullPointerException.class, () -> new SurveyResponse("i", "w", "r", null, nullAnswer));
        assertThrows(IllegalArgumentException.class, () -> new SurveyResponse("i", "w", "r", null, Map.of(" ", 1)));
        assertThrows(IllegalArgumentException.class, () -> new SurveyResponse("i", " ", "r", null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SurveyResponse("i", "w", "r", "", Map.of()));
        assertThrows(NullPointerException.class, () -> new SurveyResponse("i", "w", "r", null, null));
    }
}
