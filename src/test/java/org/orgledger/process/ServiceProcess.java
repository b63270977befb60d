package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The built jar ({@code target/orgledger.jar}, made by {@code package} before the failsafe tests)
 * run as a separate process on the embedded default, as a user runs it: for what only a real
 * process shows (a {@code kill -9}, the command line, a restart on the same data directory).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "orgledger.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A start is bounded: a service that is not up by then has failed to start. A loaded machine
     * (several JVMs starting at once on two cores) may need more: {@code -Dorgledger.process.start-limit=PT10M}.
     */
    private static final Duration START_LIMIT = Duration.parse(System.getProperty("orgledger.process.start-limit", "PT150S"));

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code dataDir} and returns once it answers its health check. */
    public static ServiceProcess start(Path dataDir, Path log, String... arguments) throws IOException {
        return start(java.util.Map.of("ORGLEDGER_DATA_DIR", dataDir.toString(), "ORGLEDGER_LOAD_DATASET", "false"),
                log, arguments);
    }

    /**
     * Starts the service with these environment variables (over the test's own, without its
     * {@code SPRING_PROFILES_ACTIVE}) and returns once it answers its health check.
     */
    public static ServiceProcess start(java.util.Map<String, String> environment, Path log, String... arguments)
            throws IOException {
        assertThat(JAR).as("the jar is built by 'package' before the integration tests").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-jar", JAR.toString(),
                "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitHealthy();
        return service;
    }

    /** {@code java -jar orgledger.jar ARGS} to its end: exit status and output. */
    public static Finished run(Path dataDir, String... arguments) throws IOException, InterruptedException {
        assertThat(JAR).exists();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ORGLEDGER_DATA_DIR", dataDir.toString());
        builder.environment().put("ORGLEDGER_LOAD_DATASET", "false");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        return new Finished(process.waitFor(), new String(output, StandardCharsets.UTF_8));
    }

    public record Finished(int exitStatus, String output) {
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " while starting; log:\n"
                        + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not start within " + START_LIMIT + "; log:\n" + tail());
    }

    /**
     * {@code kill -9} of the service's JVM, and with {@code alsoItsChildren} of every process it
     * started that is still attached to it (the PostgreSQL watchdog): a power cut as far as the
     * service is concerned. The PostgreSQL server itself is detached and survives, as on a real crash.
     */
    public void kill(boolean alsoItsChildren) {
        if (alsoItsChildren) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    /** The last {@code count} lines the process wrote (for a failing test's report). */
    public java.util.List<String> lastLines(int count) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.List.of("(its log " + log + " could not be read: " + e + ")");
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request as a user: status and body; an {@link IOException} when the service died under it. */
    public Answer send(String method, String path, String user, String contentType, String body) throws IOException {
        return send(method, path, user, contentType, body, java.util.Map.of());
    }

    /** The same, with more request headers. */
    public Answer send(String method, String path, String user, String contentType, String body,
                       java.util.Map<String, String> headers) throws IOException {
        return send(method, path, user, contentType, body, headers, Duration.ofSeconds(60));
    }

    /** The same, waiting up to {@code timeout} for the answer (a rebuild may take minutes on a busy machine). */
    public Answer send(String method, String path, String user, String contentType, String body,
                       java.util.Map<String, String> headers, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public JsonNode get(String path, String user) throws IOException {
        Answer answer = send("GET", path, user, null, null);
        assertThat(answer.status()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** The process id in the data directory's {@code postmaster.pid}, if there is one. */
    public static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    }

    /** Waits, without a deadline of its own, until the process has ended (the test's timeout bounds it). */
    public static void awaitEnd(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A clean stop (SIGTERM): Spring closes the context, which stops PostgreSQL. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
