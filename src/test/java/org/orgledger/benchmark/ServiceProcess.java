package org.orgledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger as its users run it: {@code java -jar target/orgledger.jar} in a process of its
 * own, in the external-database mode, on the benchmark's PostgreSQL. Its garbage collector
 * log gives the peak heap, and /proc its peak resident set.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    private final Process process;
    private final Path gcLog;
    private final BenchmarkHttp http;
    private final Duration startUp;
    private long peakRssKib;

    private ServiceProcess(Process process, Path gcLog, BenchmarkHttp http, Duration startUp) {
        this.process = process;
        this.gcLog = gcLog;
        this.http = http;
        this.startUp = startUp;
    }

    /** Starts the service on an empty ledger of its own (no bundled dataset) and waits until {@code /actuator/health} answers UP. */
    static ServiceProcess start(Path jar, BenchmarkDatabase database, Path workDirectory, String name,
                                Duration timeout) throws IOException, InterruptedException {
        return start(jar, database, workDirectory, name, timeout, Map.of());
    }

    /** The same, with some of the service's settings ({@code ORGLEDGER_…} variables) changed. */
    static ServiceProcess start(Path jar, BenchmarkDatabase database, Path workDirectory, String name,
                                Duration timeout, Map<String, String> settings) throws IOException, InterruptedException {
        int port = freePort();
        Path gcLog = workDirectory.resolve(name + "-gc.log");
        Path output = workDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:gc:file=" + gcLog));
        String extra = System.getProperty("benchmark.serviceJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            // "{name}" stands for the service's name, so that a recording or a log per process
            // keeps apart: -XX:StartFlightRecording=filename={name}.jfr (in the work directory)
            command.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "external");
        environment.put("ORGLEDGER_DB_URL", database.jdbcUrl());
        environment.put("ORGLEDGER_DB_USER", BenchmarkDatabase.USER);
        environment.put("ORGLEDGER_DB_PASSWORD", "");
        environment.put("ORGLEDGER_REGISTRAR_PASSWORD", BenchmarkHttp.REGISTRAR_PASSWORD);
        environment.put("ORGLEDGER_AUDITOR_PASSWORD", BenchmarkHttp.AUDITOR_PASSWORD);
        environment.put("ORGLEDGER_SIGNING_KEY", workDirectory.resolve("signing-key.pem").toString());
        environment.put("ORGLEDGER_CREATE_SIGNING_KEY", "true");
        environment.put("ORGLEDGER_LOAD_DATASET", "false");
        environment.put("ORGLEDGER_PORT", String.valueOf(port));
        environment.putAll(settings);
        long started = System.nanoTime();
        Process process = builder.start();
        // a child process outlives its parent: an interrupted benchmark must not leave a service running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        BenchmarkHttp http = new BenchmarkHttp("http://127.0.0.1:" + port);
        long deadline = started + timeout.toNanos();
        while (!http.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + output);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not answer UP within " + timeout + "; see " + output);
            }
            Thread.sleep(50);
        }
        return new ServiceProcess(process, gcLog, http, Duration.ofNanos(System.nanoTime() - started));
    }

    BenchmarkHttp http() {
        return http;
    }

    Duration startUp() {
        return startUp;
    }

    /** Peak resident set of the process so far (Linux only; 0 elsewhere). */
    long peakRssMib() {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peakRssKib = Math.max(peakRssKib, Long.parseLong(line.replaceAll("\\D+", "")));
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // the figure is left out on systems without /proc
        }
        return peakRssKib / 1024;
    }

    /** The largest heap in use before any collection, from the GC log: the peak the heap reached. */
    long peakHeapMib() throws IOException {
        long peakKib = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher heap = GC_HEAP.matcher(line);
                while (heap.find()) {
                    long value = Long.parseLong(heap.group(1));
                    peakKib = Math.max(peakKib, switch (heap.group(2)) {
                        case "K" -> value;
                        case "M" -> value * 1024;
                        default -> value * 1024 * 1024;
                    });
                }
            }
        }
        return peakKib / 1024;
    }

    /** Stops the service as an operator would (SIGTERM, graceful shutdown). */
    @Override
    public void close() throws InterruptedException {
        peakRssMib();
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
