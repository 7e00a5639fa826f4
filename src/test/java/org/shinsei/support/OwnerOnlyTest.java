package org.shinsei.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shinsei.output.ResultsFile;

class OwnerOnlyTest {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void resultsAndTheirFoldersAreCreatedForTheOwnerOnly(@TempDir Path tmp) throws Exception {
        Path batch = tmp.resolve("out").resolve("20261128");
        Path results = ResultsFile.write(batch, List.of());
        assertThat(mode(tmp.resolve("out"))).isEqualTo("rwx------");
        assertThat(mode(batch)).isEqualTo("rwx------");
        assertThat(mode(results)).isEqualTo("rw-------");
    }

    @Test
    void anExistingBatchFolderIsTightenedAndTheDataFolderToo(@TempDir Path tmp) throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("out/b"));
        Files.setPosixFilePermissions(batch, PosixFilePermissions.fromString("rwxr-xr-x"));
        ResultsFile.write(batch, List.of());
        assertThat(mode(batch)).isEqualTo("rwx------");

        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        new DataDirPermissions(data.toString());
        assertThat(mode(data)).isEqualTo("rwx------");
        new DataDirPermissions(tmp.resolve("new-data").toString());
        assertThat(mode(tmp.resolve("new-data"))).isEqualTo("rwx------");
    }
}
