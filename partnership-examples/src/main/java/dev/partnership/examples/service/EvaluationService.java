package dev.partnership.examples.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.partnership.Evaluation;
import dev.partnership.EvaluationConfig;
import dev.partnership.Evaluator;
import dev.partnership.InvalidInputException;
import dev.partnership.Partnership;
import dev.partnership.Problem;
import dev.partnership.io.ConfigReader;
import dev.partnership.io.DatasetReader;
import dev.partnership.io.EvaluationJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consortium application's evaluation service: one {@link Evaluator}, built once from a configuration, serves
 * evaluations to many threads over HTTP (the JDK's {@code com.sun.net.httpserver}).
 *
 * <ul>
 *   <li>{@code POST /evaluate} with a {@code partnership-dataset/1} body: {@code 200} and the
 *       {@code partnership-evaluation/1} document; {@code 400} with {@code {"problems": [{"location", "message"}]}}
 *       for an invalid dataset (the reader's {@link dev.partnership.io.ReadLimits} bound its size); {@code 405}
 *       for another method.</li>
 *   <li>{@code GET /strategies}: the ids of the strategies that run, one per line.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp partnership.jar dev.partnership.examples.service.EvaluationService [PORT [CONFIG.json]]}.
 * The point of the example: {@link Evaluator} and {@link DatasetReader} are immutable and thread-safe, so the
 * handler threads share them without locks, and every request gets exactly the evaluation a single-threaded call
 * would give. Thread-safe; {@link #close()} stops the server and its threads.
 */
public final class EvaluationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Evaluator evaluator;
    private final DatasetReader reader = DatasetReader.defaults();
    private final HttpServer server;
    private final ExecutorService threads;

    /**
     * Starts the service.
     *
     * @param port    the TCP port on the loopback interface, 0 for any free one
     * @param config  the evaluation configuration
     * @param threads how many requests are served at once
     * @throws IOException when the port cannot be bound
     */
    public EvaluationService(int port, EvaluationConfig config, int threads) throws IOException {
        this.evaluator = Evaluator.builder().config(Objects.requireNonNull(config, "config")).build();
        this.threads = Executors.newFixedThreadPool(threads);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/evaluate", this::evaluate);
        server.createContext("/strategies", this::strategies);
        server.setExecutor(this.threads);
        server.start();
    }

    /**
     * Returns the port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private void evaluate(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST a partnership-dataset/1 document\n");
                return;
            }
            Partnership partnership;
            try (InputStream body = exchange.getRequestBody()) {
                partnership = reader.read(body, "request");
            } catch (InvalidInputException e) {
                send(exchange, 400, "application/json", problems(e));
                return;
            }
            Evaluation evaluation = evaluator.evaluate(partnership);
            send(exchange, 200, "application/json", EvaluationJson.toJson(evaluation));
        } catch (RuntimeException e) {
            LOG.error("evaluation failed", e);
        }
    }

    private void strategies(HttpExchange exchange) throws IOException {
        try (exchange) {
            StringBuilder sb = new StringBuilder();
            evaluator.strategies().forEach(s -> sb.append(s.id()).append('\n'));
            send(exchange, 200, "text/plain", sb.toString());
        }
    }

    private static String problems(InvalidInputException e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("problems");
            for (Problem p : e.problems()) {
                g.writeStartObject();
                g.writeStringField("location", p.location());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, lets those in flight finish (at most a second), and stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the service until the process is stopped.
     *
     * @param args {@code [PORT [CONFIG.json]]}; port 8080 by default
     * @throws IOException when the port cannot be bound or the configuration cannot be read
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        EvaluationConfig config = args.length > 1 ? ConfigReader.read(Path.of(args[1]))
                : EvaluationConfig.defaults();
        EvaluationService service = new EvaluationService(port, config, Runtime.getRuntime().availableProcessors());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        System.out.println("serving evaluations on http://127.0.0.1:" + service.port() + "/evaluate");
    }
}
