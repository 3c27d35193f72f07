package dev.partnership.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.Partnership;
import dev.partnership.examples.sample.SampleGenerator;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.EvaluationJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EvaluationServiceTest {

    @Test
    void concurrentRequestsGetTheSingleThreadedEvaluation() throws Exception {
        String dataset;
        try (InputStream in = SampleGenerator.openBundledSample()) {
            dataset = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Partnership p = DatasetReader.defaults().read(dataset, "sample");
        EvaluationConfig config = EvaluationConfig.defaults().withEnabled(List.of("beta-reputation", "kendall-w",
                "participation", "target-attainment"));
        String expected = EvaluationJson.toJson(Evaluator.builder().config(config).build().evaluate(p));
        try (EvaluationService service = new EvaluationService(0, config, 4)) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + service.port() + "/evaluate");
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(dataset)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> r = call.get();
                assertEquals(200, r.statusCode(), r::body);
                assertEquals(expected, r.body());
            }
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"format\": \"partnership-dataset/1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("missing required property 'partnership'"), bad.body());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            HttpResponse<String> ids = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/strategies")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("beta-reputation\nkendall-w\nparticipation\ntarget-attainment\n", ids.body());
        }
    }
}
