package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.shinsei.support.OpenCv;
import org.shinsei.support.PageRef;

/** The limits of issue 8, one hostile file each, checked before any pixel is decoded. */
class HostileEnvelopeTest {

    @TempDir
    Path dir;

    private final EnvelopeOpener opener = new EnvelopeOpener(ScanProperties.defaults());
    private List<ScanPage> opened = List.of();

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    @AfterEach
    void release() {
        opened.forEach(ScanPage::close);
    }

    private List<ScanPage> open(EnvelopeOpener o, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        opened = o.open(file, PageRef.envelope(name));
        return opened;
    }

    private List<ScanPage> open(String name, byte[] bytes) throws Exception {
        return open(opener, name, bytes);
    }

    @Test
    void aPngBombIsRefusedByTheMemoryBudgetFromItsHeader() throws Exception {
        byte[] bomb = HostileFiles.pngOfZeros(7300, 7300, 6, 16);
        assertThat(bomb.length).isLessThan(1_000_000);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> open("bomb.png", bomb)).isInstanceOf(UnreadableEnvelopeException.class)
                .hasMessageContaining("max-decoded-bytes-per-envelope");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms: refused from the header, not decoded").isLessThan(2000);
    }

    @Test
    void aFileThatWouldExpandTooMuchIsRefusedByTheDecompressionRatio() throws Exception {
        byte[] zeros = HostileFiles.pngOfZeros(2000, 2000, 0, 8);
        assertThatThrownBy(() -> open("zeros.png", zeros)).hasMessageContaining("max-decompression-ratio=1000");
        byte[] page = TestFiles.encode(".png", TestFiles.grey(2000, 1000));
        EnvelopeOpener strict = new EnvelopeOpener(ScanProperties.defaults().withMaxDecompressionRatio(2));
        assertThatThrownBy(() -> open(strict, "page.png", page)).hasMessageContaining("max-decompression-ratio=2");
        assertThat(open("page-ok.png", page)).hasSize(1);
    }

    @Test
    void theBudgetCountsEveryPageOfAnEnvelope() throws Exception {
        Mat grey = TestFiles.grey(1000, 1000);
        byte[] tiff = TestFiles.tiff(List.of(TestFiles.toBufferedImage(grey), TestFiles.toBufferedImage(grey),
                TestFiles.toBufferedImage(grey)), 300);
        // each page: 1 MB as a Java image + 1 MB as a Mat; three pages need 6 MB
        EnvelopeOpener small = new EnvelopeOpener(ScanProperties.defaults().withMaxDecodedBytesPerEnvelope(5_000_000));
        assertThatThrownBy(() -> open(small, "three.tif", tiff)).hasMessageContaining("page 3")
                .hasMessageContaining("max-decoded-bytes-per-envelope");
        assertThat(open("three-ok.tif", tiff)).hasSize(3);
    }

    @Test
    void tiffDirectoryChainsThatLoopLeaveTheFileOrGoOnForeverAreRefused() throws Exception {
        byte[] small = TestFiles.tiff(List.of(TestFiles.toBufferedImage(TestFiles.grey(40, 30))), null);
        byte[] loop = small.clone();
        int ifd = java.nio.ByteBuffer.wrap(loop, 4, 4).order(java.nio.ByteOrder.nativeOrder()).getInt();
        java.nio.ByteOrder order = loop[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN;
        ifd = java.nio.ByteBuffer.wrap(loop).order(order).getInt(4);
        int entries = java.nio.ByteBuffer.wrap(loop).order(order).getShort(ifd);
        java.nio.ByteBuffer.wrap(loop).order(order).putInt(ifd + 2 + entries * 12, ifd);
        assertThatThrownBy(() -> open("loop.tif", loop)).hasMessageContaining("loop");

        byte[] past = small.clone();
        java.nio.ByteBuffer.wrap(past).order(order).putInt(4, 0x7FFF0000);
        assertThatThrownBy(() -> open("past.tif", past)).hasMessageContaining("past the end");
    }

    @Test
    void linksAndFifosAreNotFollowedNorRead() throws Exception {
        Path real = Files.write(dir.resolve("real.png"), TestFiles.encode(".png", TestFiles.grey(50, 40)));
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), real);
        assertThatThrownBy(() -> opener.open(link, PageRef.envelope("link.png"))).hasMessageContaining("symbolic link");
        assertThat(BatchFolder.whyNotAFile(link)).contains("symbolic link");
        assertThatThrownBy(() -> BatchFolder.sha256(link)).hasMessageContaining("symbolic link");
        Path fifo = dir.resolve("fifo.pdf");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertThatThrownBy(() -> opener.open(fifo, PageRef.envelope("fifo.pdf"))).hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> BatchFolder.sha256(fifo)).hasMessageContaining("not a regular file");
        }
    }
}
