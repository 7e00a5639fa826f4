package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFolderTest {

    @Test
    void everyRegularFileIsAnEnvelopeButTheThreeDocumentedNamesHiddenFilesAndFolders(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"b.pdf", "a.tif", "notes.txt", "registry.csv", "expected.csv", "README.md", ".hidden"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("sub.pdf"));
        assertThat(BatchFolder.envelopes(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.tif", "b.pdf", "notes.txt");
    }

    @Test
    void hashIsTheSha256OfTheBytes(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x"), "abc");
        assertThat(BatchFolder.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
