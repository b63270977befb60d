package org.orgledger.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar orgledger.jar import FILE...}: imports bulletin files into the ledger
 * without starting the web server (on the embedded default, while the service is stopped; a
 * running service takes files through {@code POST /api/imports}). Files are imported in the
 * order given, each all or nothing; the exit status is 0 when every file was imported or had
 * been imported before, 1 otherwise.
 */
public final class ImportCommand {

    public static final String NAME = "import";

    private ImportCommand() {
    }

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        List<String> files = Arrays.asList(args).subList(1, args.length);
        if (files.isEmpty()) {
            out.println("usage: java -jar orgledger.jar import FILE...");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("orgledger.dataset.load-on-empty=false")
                .run()) {
            BulletinImporter importer = context.getBean(BulletinImporter.class);
            int failures = 0;
            for (String file : files) {
                failures += importOne(importer, Path.of(file), out) ? 0 : 1;
            }
            return failures == 0 ? 0 : 1;
        }
    }

    private static boolean importOne(BulletinImporter importer, Path file, PrintStream out) {
        try {
            ImportResult result = importer.importFile(file.getFileName().toString(), Files.readAllBytes(file),
                    LedgerMetadata.SYSTEM);
            out.println(file + ": " + result.instrument() + ": " + result.message() + " " + result.sequences());
            return true;
        } catch (InvalidBulletinFile refused) {
            out.println(file + ": refused (" + refused.code() + "), nothing recorded:");
            refused.problems().forEach(problem -> out.println("  " + problem));
            return false;
        } catch (IOException e) {
            out.println(file + ": cannot be read: " + e.getMessage());
            return false;
        }
    }
}
