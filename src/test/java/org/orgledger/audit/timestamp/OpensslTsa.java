package org.orgledger.audit.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real RFC 3161 Time-Stamp Authority for tests: a test CA and a TSA certificate made with
 * {@code openssl} in a temporary folder, and an HTTP server on the loopback address that answers
 * each TimeStampReq with {@code openssl ts -reply}. It can fail the next requests, or hold its
 * answers until released, to show that the ledger neither waits for it nor gives up on it.
 */
public final class OpensslTsa implements AutoCloseable {

    private final Path directory;
    private final HttpServer server;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public OpensslTsa() throws IOException, InterruptedException {
        directory = Files.createTempDirectory("orgledger-tsa");
        makeCertificates(directory);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::answer);
        server.start();
    }

    /** For a static field: started once per test class, closed in its {@code @AfterAll}. */
    public static OpensslTsa start() {
        try {
            return new OpensslTsa();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a CA, a TSA key and certificate (extended key usage timeStamping, critical) and the ts config. */
    public static void makeCertificates(Path directory) throws IOException, InterruptedException {
        Files.writeString(directory.resolve("tsa.ext"), """
                basicConstraints = CA:FALSE
                keyUsage = critical, digitalSignature
                extendedKeyUsage = critical, timeStamping
                """);
        Files.writeString(directory.resolve("serial"), "01\n");
        Files.writeString(directory.resolve("ts.cnf"), """
                [ tsa ]
                default_tsa = test_tsa
                [ test_tsa ]
                dir = %s
                serial = $dir/serial
                crypto_device = builtin
                signer_cert = $dir/tsa.crt
                certs = $dir/ca.crt
                signer_key = $dir/tsa.key
                signer_digest = sha256
                default_policy = 1.3.6.1.4.1.4146.2.3
                digests = sha256, sha384, sha512
                accuracy = secs:1
                ordering = yes
                tsa_name = yes
                ess_cert_id_chain = no
                ess_cert_id_alg = sha256
                """.formatted(directory));
        openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "3650", "-subj", "/CN=OrgLedger Test TSA Root",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=OrgLedger Test TSA");
        openssl(directory, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "tsa.crt", "-days", "3650", "-extfile", "tsa.ext");
    }

    /** Runs openssl in {@code directory}; returns its standard output and error. */
    public static String openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] query = exchange.getRequestBody().readAllBytes();
            if (!held.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held for too long");
            }
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Path request = Files.write(directory.resolve("request.tsq"), query);
            openssl(directory, "ts", "-reply", "-config", "ts.cnf", "-queryfile", request.toString(),
                    "-out", "reply.tsr");
            byte[] reply = Files.readAllBytes(directory.resolve("reply.tsr"));
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/tsa");
    }

    /** The CA certificate to trust: the TSA's certificate chains to it. */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    public Path directory() {
        return directory;
    }

    public int answered() {
        return answered.get();
    }

    public void failNext(int count) {
        failures.set(count);
    }

    /** Requests wait, unanswered, until {@link #release()}. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
