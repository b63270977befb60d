package org.orgledger.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's {@code postmaster.pid} in a data directory: the server's process id on the first
 * line, its data directory on the second, its port on the fourth. Written by the server while it
 * runs; left behind when the server or the machine dies.
 */
record PostmasterPidFile(Path file, long pid, Path dataDir, int port) {

    static final String NAME = "postmaster.pid";

    /** The pid file of {@code dataDir}, if there is one that can be read. */
    static Optional<PostmasterPidFile> in(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            // a server that died while writing it: nothing in it names a process
            return Optional.of(new PostmasterPidFile(file, -1, dataDir, -1));
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            Path directory = lines.size() > 1 ? Path.of(lines.get(1).trim()) : dataDir;
            int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : -1;
            return Optional.of(new PostmasterPidFile(file, pid, directory, port));
        } catch (NumberFormatException | java.nio.file.InvalidPathException garbled) {
            return Optional.of(new PostmasterPidFile(file, -1, dataDir, -1));
        }
    }
}
