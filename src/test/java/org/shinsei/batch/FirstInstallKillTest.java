package org.shinsei.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.ShinseiApplication;

/**
 * Issue 20: a kill during the very first schema migration of a new installation (SIGKILL, in a child JVM) leaves no
 * half-built database behind; the next run builds it and completes the batch.
 */
class FirstInstallKillTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aKillDuringTheFirstMigrationLeavesNothingHalfBuilt(@TempDir Path tmp) throws Exception {
        // given: a new installation (no data folder) and a one-envelope batch
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Files.copy(Path.of("sample-scans/registry.csv"), batch.resolve("registry.csv"));
        Files.copy(Path.of("sample-scans/env-01-accepted-300dpi-colour.pdf"), batch.resolve("env-01.pdf"));
        Path data = tmp.resolve("data");
        List<String> options = List.of("-Dshinsei.home=" + Path.of("").toAbsolutePath(), "-Dshinsei.data-dir=" + data);
        List<String> run = List.of("run", batch.toString(), "--out", tmp.resolve("out").toString(), "--batch-id",
                "20261128");

        // when: killed as soon as the first migration starts
        try (ChildJvm child = ChildJvm.start(ShinseiApplication.class.getName(), options, run)) {
            String line = child.await(l -> l.contains("first installation: creating the database schema"), TIMEOUT);
            assertThat(line).as("the first run builds the database aside; output:\n" + child.output()).isNotNull();
            child.kill();
        }

        // then: the database is not in place half-built (a finished one only: the move into place is atomic)
        Path db = data.resolve("shinsei.mv.db");
        if (Files.exists(db)) {
            System.out.println("first-install test: the kill came after the database was moved into place");
        } else {
            System.out.println("first-install test: killed during the migration; no database in place");
        }

        // when: the same command again
        try (ChildJvm child = ChildJvm.start(ShinseiApplication.class.getName(), options, run)) {
            int exit = child.exit(TIMEOUT);
            // then: the batch completes, and nothing of the interrupted build is left
            assertThat(exit).as("output:\n" + child.output()).isZero();
            assertThat(child.output()).contains("Batch 20261128 COMPLETED").contains("1 accepted");
        }
        assertThat(db).exists();
        assertThat(data.resolve("shinsei-initialising.mv.db")).doesNotExist();
    }
}
