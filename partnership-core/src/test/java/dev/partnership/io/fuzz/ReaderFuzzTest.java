package dev.partnership.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.partnership.InvalidInputException;
import dev.partnership.Partnership;
import dev.partnership.io.ConfigReader;
import dev.partnership.io.CsvDatasetReader;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.XapiMapping;
import dev.partnership.io.XapiReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for every reader of untrusted input. The property: whatever the bytes, a reader either returns a
 * value or throws the library's typed {@link InvalidInputException}; any other exception, a hang or running out of
 * memory is a finding. In {@code ./mvnw verify} each target replays its seed corpus and the findings kept as
 * regression seeds ({@code src/test/resources/dev/partnership/io/fuzz/ReaderFuzzTestInputs/<target>/}); to fuzz,
 * run {@code JAZZER_FUZZ=1 ./mvnw -pl partnership-core test -Dtest=ReaderFuzzTest#<target>} (see the README's
 * development section), which stops after {@code maxDuration}.
 */
class ReaderFuzzTest {
    /** A skeleton with two partners and a goal, for the CSV and xAPI importers. */
    private static final String SKELETON = "{\"format\": \"partnership-dataset/1\", "
            + "\"partnership\": {\"id\": \"p\", \"name\": \"P\", \"start\": \"2024-01-01\"}, "
            + "\"partners\": [{\"id\": \"a\", \"name\": \"A\", \"type\": \"SCHOOL\"}, "
            + "{\"id\": \"b\", \"name\": \"B\", \"type\": \"BUSINESS\"}], "
            + "\"goals\": [{\"id\": \"g\", \"title\": \"G\", \"indicator\": {\"name\": \"rate\", \"unit\": \"%\", "
            + "\"direction\": \"HIGHER_IS_BETTER\", \"baseline\": 1, \"target\": 2}, \"owners\": [\"a\"]}]}";
    private static final Partnership SKELETON_PARTNERSHIP = DatasetReader.defaults().read(SKELETON, "skeleton");
    private static final XapiMapping MAPPING = XapiMapping.read("{\"format\": \"partnership-xapi-mapping/1\", "
            + "\"partners\": {\"a\": {\"mbox\": [\"mailto:a@x.example\"]}, \"b\": {\"mbox\": [\"mailto:b@x.example\"]}}}",
            "mapping");

    @FuzzTest(maxDuration = "10m")
    void datasetReader(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            DatasetReader.defaults().read(new ByteArrayInputStream(bytes), "fuzz");
        } catch (InvalidInputException expected) {
            // rejected with a location: the reader did its job
        }
    }

    @FuzzTest(maxDuration = "10m")
    void csvImporter(FuzzedDataProvider data) {
        String signals = data.consumeString(4096);
        String ratings = data.consumeString(2048);
        String surveys = data.consumeString(2048);
        String measurements = data.consumeRemainingAsString();
        try {
            CsvDatasetReader.defaults().withSkipBadRows(signals.length() % 2 == 0).read(SKELETON,
                    new CsvDatasetReader.CsvTexts(signals, ratings, surveys, measurements));
        } catch (InvalidInputException expected) {
            // rejected with file, line and column
        }
    }

    @FuzzTest(maxDuration = "10m")
    void xapiImporter(FuzzedDataProvider data) {
        String json = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        try {
            new XapiReader(MAPPING).read(SKELETON_PARTNERSHIP, json, "fuzz");
        } catch (InvalidInputException expected) {
            // malformed statements are rejected with their pointers; unmappable ones are counted
        }
    }

    @FuzzTest(maxDuration = "10m")
    void configReader(FuzzedDataProvider data) {
        String json = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        try {
            ConfigReader.read(json, "fuzz");
        } catch (InvalidInputException expected) {
            // rejected with a pointer
        }
    }
}
