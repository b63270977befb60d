package org.orgledger.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start does with a {@code postmaster.pid} it finds (the kill itself: EmbeddedServerAfterCrashIT). */
class OrphanedPostmasterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @Test
    void a_pid_file_naming_a_live_process_that_is_not_our_server_is_removed_as_stale() throws Exception {
        Path pidFile = writePidFile(ProcessHandle.current().pid());

        OrphanedPostmaster.stopIfAny(dataDir, PATIENCE);

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void a_pid_file_of_a_process_that_is_gone_is_left_to_postgresql_which_checks_its_shared_memory() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path pidFile = writePidFile(ended.pid());

        OrphanedPostmaster.stopIfAny(dataDir, PATIENCE);

        assertThat(pidFile).exists();
    }

    @Test
    void nothing_is_touched_while_a_live_service_holds_the_data_directory() throws Exception {
        Path pidFile = writePidFile(ProcessHandle.current().pid());
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OrphanedPostmaster.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {

            OrphanedPostmaster.stopIfAny(dataDir, PATIENCE);

            assertThat(held.isValid()).isTrue();
            assertThat(pidFile).exists();
        }
    }

    @Test
    void only_a_postgres_started_on_this_very_directory_counts_as_its_server() {
        assertThat(OrphanedPostmaster.isServerOf(ProcessHandle.current(), dataDir)).isFalse();
    }

    @Test
    void the_pid_file_is_read_as_postgresql_writes_it() throws Exception {
        writePidFile(4242);

        PostmasterPidFile read = PostmasterPidFile.in(dataDir).orElseThrow();

        assertThat(read.pid()).isEqualTo(4242);
        assertThat(read.port()).isEqualTo(54321);
        assertThat(read.dataDir()).isEqualTo(dataDir);
    }

    private Path writePidFile(long pid) throws Exception {
        return Files.writeString(dataDir.resolve(PostmasterPidFile.NAME),
                pid + "\n" + dataDir + "\n1795988567\n54321\n\n127.0.0.1\n  2154948        15\nready   \n");
    }
}
