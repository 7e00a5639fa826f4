package org.shinsei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 20: every command answers --help and --version (exit 0), and --data-dir puts the database where it says. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineHelpTest {

    @AfterEach
    void forgetTheDataDir() {
        System.clearProperty(ShinseiCli.DATA_DIR_PROPERTY);
    }

    @ParameterizedTest(name = "shinsei {0} --help")
    @ValueSource(strings = {"", "run", "worker", "replay", "verify", "report", "queue", "queue browse", "registry",
            "registry import", "generate", "bench", "batches"})
    void everyCommandAnswersHelpAndVersion(String command, CapturedOutput output) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        int before = output.getOut().length();
        assertThat(ShinseiCli.run(append(words, "--help"))).as(command + " --help").isZero();
        String help = output.getOut().substring(before);
        assertThat(help).contains("Usage: shinsei" + (command.isEmpty() ? "" : " " + command))
                .contains("--help").contains("--version").contains("--data-dir=DIR");
        before = output.getOut().length();
        assertThat(ShinseiCli.run(append(words, "--version"))).as(command + " --version").isZero();
        assertThat(output.getOut().substring(before)).contains("Shinsei 0.1.0");
    }

    @Test
    void theDataDirOptionPutsTheDatabaseThereAndBatchesListsWhatItHolds(@TempDir Path tmp, CapturedOutput output)
            throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Files.copy(Path.of("sample-scans/registry.csv"), batch.resolve("registry.csv"));
        Files.copy(Path.of("sample-scans/env-10-not-an-image.txt"), batch.resolve("env-10-not-an-image.txt"));
        Path data = tmp.resolve("center-a");
        int exit = ShinseiCli.run(new String[] {"run", batch.toString(), "--out", tmp.resolve("out").toString(),
                "--batch-id", "20261128", "--data-dir", data.toString()});
        assertThat(exit).isZero();
        assertThat(data.resolve("shinsei.mv.db")).exists();
        int before = output.getOut().length();
        assertThat(ShinseiCli.run(new String[] {"batches", "--data-dir", data.toString()})).isZero();
        String listed = output.getOut().substring(before);
        // one envelope, unreadable: one REVIEW record, published
        assertThat(listed).containsPattern("20261128 +2026-11-28 +COMPLETED +\\S+ \\S+ +1 +1 +0 +0 +1 +0");
    }

    @Test
    void aBatchOnAnEmptyRegistrySaysWhatToDoInItsLastLine(@TempDir Path tmp, CapturedOutput output) throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Files.copy(Path.of("sample-scans/env-10-not-an-image.txt"), batch.resolve("env-10-not-an-image.txt"));
        int before = output.getErr().length();
        int exit = ShinseiCli.run(new String[] {"run", batch.toString(), "--out", tmp.resolve("out").toString(),
                "--batch-id", "20261128", "--data-dir", tmp.resolve("data").toString()});
        assertThat(exit).isEqualTo(ShinseiCli.EXIT_FAILED);
        String[] lines = output.getErr().substring(before).strip().split("\\R");
        assertThat(lines[lines.length - 1]).contains("import the registry with --registry issued.csv")
                .doesNotContain("to resume it");
    }

    private static String[] append(String[] words, String last) {
        String[] all = java.util.Arrays.copyOf(words, words.length + 1);
        all[words.length] = last;
        return all;
    }
}
