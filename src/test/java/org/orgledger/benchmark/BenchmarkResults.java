package org.orgledger.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, per history size, written as JSON (to compare runs by program) and
 * as a Markdown table (to read, or paste into the README). Each figure has a stable key, a
 * label and a unit.
 */
final class BenchmarkResults {

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, String[]> labels = new LinkedHashMap<>();
    private final List<Map<String, Object>> sizes = new ArrayList<>();

    BenchmarkResults(String mode, long seed) {
        run.put("startedAt", Instant.now().toString());
        run.put("mode", mode);
        run.put("seed", String.valueOf(seed));
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageAtStart", loadAverage());
        run.put("java", System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The figures of one history size, in the order they are recorded. */
    Map<String, Object> size(String label) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("size", label);
        sizes.add(figures);
        return figures;
    }

    void record(Map<String, Object> size, String key, String label, String unit, Object value) {
        labels.putIfAbsent(key, new String[] {label, unit});
        size.put(key, value);
        System.out.printf(Locale.ROOT, "[benchmark %s] %-55s %s %s%n", size.get("size"), label, format(value), unit);
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        run.put("loadAverageAtEnd", loadAverage());
        Map<String, Object> json = new LinkedHashMap<>(run);
        json.put("sizes", sizes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), json);
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# OrgLedger benchmark\n\n");
        run.forEach((key, value) -> md.append("- ").append(key).append(": ").append(format(value)).append('\n'));
        md.append("\n| figure | unit |");
        sizes.forEach(size -> md.append(' ').append(size.get("size")).append(" |"));
        md.append("\n|---|---|");
        sizes.forEach(size -> md.append("---:|"));
        md.append('\n');
        labels.forEach((key, label) -> {
            md.append("| ").append(label[0]).append(" | ").append(label[1]).append(" |");
            sizes.forEach(size -> md.append(' ').append(size.containsKey(key) ? format(size.get(key)) : "").append(" |"));
            md.append('\n');
        });
        return md.toString();
    }

    private static String format(Object value) {
        if (value instanceof Double number) {
            if (number.isNaN()) {
                return "n/a";
            }
            return Math.abs(number) >= 100 ? String.format(Locale.ROOT, "%,.0f", number)
                    : String.format(Locale.ROOT, "%.2f", number);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        return String.valueOf(value);
    }
}
