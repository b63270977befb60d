package org.orgledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The catalogues as the README and docs/errors.md write them, and the sources that use them. */
final class CatalogueFiles {

    static final Path MAIN = Path.of("src/main/java");
    static final Path TEST = Path.of("src/test/java");

    private CatalogueFiles() {
    }

    /** The README's list of rules: one table row per rule, in the catalogue's order. */
    static String ruleTable() {
        return "| code | status | rule |\n|---|---|---|\n" + Stream.of(Rule.values())
                .map(rule -> "| `" + rule.name() + "` | " + rule.httpStatus() + " | " + rule.meaning() + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** docs/errors.md's table: every code, by status. */
    static String errorTable() {
        return "| code | status | kind | meaning |\n|---|---|---|---|\n" + ErrorCatalogue.all().stream()
                .map(code -> "| `" + code.name() + "` | " + code.httpStatus() + " | "
                        + (code instanceof Rule ? "rule" : "problem") + " | " + code.meaning() + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** The text between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->} (on lines of their own). */
    static String between(Path file, String name) {
        String text = read(file);
        String begin = "<!-- " + name + ":begin -->\n";
        int from = text.indexOf(begin);
        int to = text.indexOf("<!-- " + name + ":end -->");
        if (from < 0 || to < from) {
            throw new AssertionError(file + " has no " + begin.trim() + " ... <!-- " + name + ":end --> section");
        }
        return text.substring(from + begin.length(), to);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Java source under {@code root} except {@code excluded}, with its text. */
    static List<Source> sources(Path root, List<Path> excluded) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> excluded.stream().noneMatch(file::endsWith))
                    .map(file -> new Source(file, read(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Source(Path file, String text) {
    }
}
