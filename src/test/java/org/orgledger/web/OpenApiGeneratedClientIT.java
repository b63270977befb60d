package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, item 6: a client generated from the served description by a standard generator
 * (OpenAPI Generator's Java client, library {@code native}: java.net.http and Jackson) compiles and
 * performs a read and a write against the running service. The calls are in
 * {@code openapi-client/ClientScenario.java}, compiled together with the generated client, so an
 * operation, parameter or schema the description gets wrong fails here.
 */
@LedgerIntegrationTest
class OpenApiGeneratedClientIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @TempDir
    Path work;

    @Test
    void a_generated_java_client_compiles_reads_the_structure_and_renames_a_unit_as_the_registrar() throws Exception {
        Path description = work.resolve("openapi.json");
        Files.writeString(description, http.getForObject("/v3/api-docs", String.class));
        Path sources = generateClient(description);
        Path scenario = sources.resolve("org/orgledger/client/scenario/ClientScenario.java");
        Files.createDirectories(scenario.getParent());
        try (InputStream in = getClass().getResourceAsStream("/openapi-client/ClientScenario.java")) {
            Files.write(scenario, in.readAllBytes());
        }
        Path classes = compile(sources);

        Map<String, Object> result;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<Map<String, String>, Map<String, Object>> client = (Function<Map<String, String>, Map<String, Object>>)
                    loader.loadClass("org.orgledger.client.scenario.ClientScenario").getConstructor().newInstance();
            result = client.apply(Map.of("baseUri", "http://127.0.0.1:" + port, "user", TestUsers.REGISTRAR,
                    "password", TestUsers.REGISTRAR, "suffix", Long.toString(System.nanoTime() % 1_000_000_000L)));
        }

        // The write, signed in with HTTP Basic: acknowledged after the establishment, and visible.
        assertThat((Long) result.get("renamed sequence")).isGreaterThan((Long) result.get("established sequence"));
        assertThat(result.get("renamed visible")).isEqualTo(true);
        // The read, typed: the name before the rename took effect, and from its effective date.
        assertThat(result.get("asOf 2040-06-30")).isEqualTo(LocalDate.of(2040, 6, 30));
        assertThat(result.get("name on 2040-06-30")).isEqualTo("Established by the generated client");
        assertThat(result.get("name on 2041-01-01")).isEqualTo("Renamed by the generated client");
        assertThat(String.valueOf(result.get("authority on 2041-01-01"))).startsWith("TEST/OPENAPI-CLIENT/");
        assertThat(result.get("instrument recorded by")).isEqualTo(TestUsers.REGISTRAR);
    }

    private Path generateClient(Path description) {
        // one INFO line per file written is noise in the build log
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.openapitools"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path out = work.resolve("client");
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(description.toString())
                .setOutputDir(out.toString())
                .setInvokerPackage("org.orgledger.client")
                .setApiPackage("org.orgledger.client.api")
                .setModelPackage("org.orgledger.client.model")
                // Jakarta annotations and no jackson-databind-nullable: the client compiles against
                // what the service itself has on its classpath.
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        ClientOptInput input = configurator.toClientOptInput();
        List<java.io.File> files = new DefaultGenerator().opts(input).generate();
        assertThat(files).as("generated files").isNotEmpty();
        return out.resolve("src/main/java");
    }

    private Path compile(Path sources) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(sources)) {
            javaFiles = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(javaFiles);
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                    "-classpath", System.getProperty("java.class.path")));
            boolean compiled = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertThat(compiled).as("the generated client compiles:%n%s", diagnostics).isTrue();
        }
        return classes;
    }
}
