package dev.partnership.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetWriterTest {

    private static Partnership tiny() {
        return Partnership.builder("tiny", "Tiny partnership", Instant.parse("2024-09-01T00:00:00Z"))
                .partner(new Partner("a", "Alpha School", PartnerType.SCHOOL, Map.of("region", "north")))
                .partner(new Partner("b", "Beta College", PartnerType.COMMUNITY_COLLEGE))
                .goal(new Goal("g", "Graduate more", new Indicator("graduation rate", null, Direction.HIGHER_IS_BETTER,
                        80.0, null), List.of("a"), null, 1.0, List.of()))
                .priority(new Priority("a", "g", 5))
                .signal(new EngagementSignal(Instant.parse("2025-01-02T03:04:05.5Z"), "b", null, null,
                        SignalKind.MEETING_ATTENDED))
                .rating(new Rating(Instant.parse("2025-02-01T00:00:00Z"), "a", "b", RatingDimension.OPENNESS, 3))
                .survey(new SurveyResponse("collaboration-factors", "w1", "r1", null, Map.of("cf02", 5, "cf01", 4)))
                .measurement(new Measurement("g", Instant.parse("2025-06-30T00:00:00Z"), MeasurementGroup.PARTNERSHIP,
                        81.5, null, null, 0.4, List.of()))
                .instrument(new Instrument("pulse", "Pulse", new Instrument.Scale(1, 4, null),
                        List.of(new Instrument.Item("p1", "f", true)), List.of(new Instrument.Factor("f", "F", "c")),
                        List.of(new Instrument.Category("c", "C")), List.of()))
                .build();
    }

    /** The layout, spelled out: key order, indentation, omitted absent values, number and instant forms. */
    private static final String TINY_JSON = String.join("\n",
            "{",
            "  \"format\": \"partnership-dataset/1\",",
            "  \"partnership\": {",
            "    \"id\": \"tiny\",",
            "    \"name\": \"Tiny partnership\",",
            "    \"start\": \"2024-09-01T00:00:00Z\"",
            "  },",
            "  \"partners\": [",
            "    {",
            "      \"id\": \"a\",",
            "      \"name\": \"Alpha School\",",
            "      \"type\": \"SCHOOL\",",
            "      \"attributes\": {",
            "        \"region\": \"north\"",
            "      }",
            "    },",
            "    {",
            "      \"id\": \"b\",",
            "      \"name\": \"Beta College\",",
            "      \"type\": \"COMMUNITY_COLLEGE\"",
            "    }",
            "  ],",
            "  \"goals\": [",
            "    {",
            "      \"id\": \"g\",",
            "      \"title\": \"Graduate more\",",
            "      \"indicator\": {",
            "        \"name\": \"graduation rate\",",
            "        \"direction\": \"HIGHER_IS_BETTER\",",
            "        \"baseline\": 80.0",
            "      },",
            "      \"owners\": [",
            "        \"a\"",
            "      ],",
            "      \"weight\": 1.0",
            "    }",
            "  ],",
            "  \"priorities\": [",
            "    {",
            "      \"partner\": \"a\",",
            "      \"goal\": \"g\",",
            "      \"weight\": 5.0",
            "    }",
            "  ],",
            "  \"signals\": [",
            "    {",
            "      \"at\": \"2025-01-02T03:04:05.500Z\",",
            "      \"source\": \"b\",",
            "      \"kind\": \"MEETING_ATTENDED\",",
            "      \"value\": 1.0",
            "    }",
            "  ],",
            "  \"ratings\": [",
            "    {",
            "      \"at\": \"2025-02-01T00:00:00Z\",",
            "      \"rater\": \"a\",",
            "      \"ratee\": \"b\",",
            "      \"dimension\": \"OPENNESS\",",
            "      \"value\": 3.0",
            "    }",
            "  ],",
            "  \"surveys\": [",
            "    {",
            "      \"instrument\": \"collaboration-factors\",",
            "      \"wave\": \"w1\",",
            "      \"respondent\": \"r1\",",
            "      \"answers\": {",
            "        \"cf01\": 4,",
            "        \"cf02\": 5",
            "      }",
            "    }",
            "  ],",
            "  \"measurements\": [",
            "    {",
            "      \"goal\": \"g\",",
            "      \"at\": \"2025-06-30T00:00:00Z\",",
            "      \"group\": \"PARTNERSHIP\",",
            "      \"mean\": 81.5,",
            "      \"se\": 0.4",
            "    }",
            "  ],",
            "  \"instruments\": [",
            "    {",
            "      \"id\": \"pulse\",",
            "      \"name\": \"Pulse\",",
            "      \"scale\": {",
            "        \"min\": 1,",
            "        \"max\": 4",
            "      },",
            "      \"items\": [",
            "        {",
            "          \"id\": \"p1\",",
            "          \"factor\": \"f\",",
            "          \"reverse\": true",
            "        }",
            "      ],",
            "      \"factors\": [",
            "        {",
            "          \"id\": \"f\",",
            "          \"name\": \"F\",",
            "          \"category\": \"c\"",
            "        }",
            "      ],",
            "      \"categories\": [",
            "        {",
            "          \"id\": \"c\",",
            "          \"name\": \"C\"",
            "        }",
            "      ]",
            "    }",
            "  ]",
            "}",
            "");

    @Test
    void writesTheDocumentedLayout() {
        assertEquals(TINY_JSON, DatasetWriter.toJson(tiny()));
    }

    @Test
    void streamAndStringGiveTheSameUtf8BytesAndTheStreamStaysOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Partnership p = DatasetReaderTest.riverbend();
        DatasetWriter.write(p, out);
        assertFalse(closed[0]);
        assertArrayEquals(DatasetWriter.toJson(p).getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void fixtureRoundTripsAndRewritesByteForByte() throws IOException {
        Partnership p = DatasetReaderTest.riverbend();
        String json = DatasetWriter.toJson(p);
        Partnership back = DatasetReader.defaults().read(json, "written");
        assertEquals(p, back);
        assertEquals(json, DatasetWriter.toJson(back));
        assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.DATASET, json));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("\r"));
    }

    @Test
    void emptyPartnershipWritesOnlyTheHeader() {
        Partnership p = Partnership.builder("e", "Empty", Instant.EPOCH).build();
        assertEquals("{\n  \"format\": \"partnership-dataset/1\",\n  \"partnership\": {\n    \"id\": \"e\",\n"
                + "    \"name\": \"Empty\",\n    \"start\": \"1970-01-01T00:00:00Z\"\n  }\n}\n", DatasetWriter.toJson(p));
    }

    @Test
    void writeThenReadGivesAnEqualPartnershipForGeneratedPartnerships() {
        DatasetReader reader = DatasetReader.defaults();
        qt().withFixedSeed(20240901L).withExamples(300).forAll(RandomPartnerships.partnerships()).checkAssert(p -> {
            String json = DatasetWriter.toJson(p);
            Partnership back = reader.read(json, "generated");
            assertEquals(p, back);
            assertEquals(json, DatasetWriter.toJson(back), "deterministic");
        });
    }

    @Test
    void generatorReachesEverySection() {
        int[] seen = new int[9];
        qt().withFixedSeed(20240901L).withExamples(300).forAll(RandomPartnerships.partnerships()).checkAssert(p -> {
            List<List<?>> sections = List.of(p.partners(), p.goals(), p.priorities(), p.signals(), p.ratings(),
                    p.surveys(), p.measurements(), p.instruments());
            for (int i = 0; i < sections.size(); i++) {
                seen[i] += sections.get(i).isEmpty() ? 0 : 1;
            }
            seen[8] += p.goals().stream().anyMatch(g -> !g.attainmentLevels().isEmpty()) ? 1 : 0;
        });
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i] >= 20, "section " + i + " was non-empty in only " + seen[i] + " of 300 examples");
        }
    }

    @Test
    void generatedDocumentsSatisfyTheSchema() {
        qt().withFixedSeed(7L).withExamples(60).forAll(RandomPartnerships.partnerships()).checkAssert(p ->
                assertEquals(Set.of(), JsonSchemas.validate(JsonSchemas.DATASET, DatasetWriter.toJson(p))));
    }
}
