package org.shinsei.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.shinsei.support.OpenCv;

class TesseractEngineTest {

    static final Path TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    static final String ID_TEXT = "1234 5678 9012 3456 7890 123";

    static TesseractEngines engines;

    @BeforeAll
    static void setUp() {
        OpenCv.load();
        engines = new TesseractEngines(TESSDATA);
    }

    @AfterAll
    static void tearDown() {
        engines.close();
    }

    @Test
    void readsAPrintedDigitLineWithPerSymbolConfidences() {
        Mat line = TestImages.toMat(TestImages.textLine(ID_TEXT, 60));
        try {
            OcrResult r = engines.get(OcrProfile.digitLine("eng")).recognise(line, 300, Duration.ofSeconds(5));
            assertThat(r.timedOut()).isFalse();
            assertThat(r.text()).isEqualTo(ID_TEXT);
            assertThat(r.words()).extracting(w -> w.text().length()).containsExactly(4, 4, 4, 4, 4, 3);
            assertThat(r.symbols()).hasSize(23).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.8, 1.0));
        } finally {
            line.release();
        }
    }

    @Test
    void theWhitelistKeepsLettersOut() {
        Mat line = TestImages.toMat(TestImages.textLine("AB 12", 60));
        try {
            OcrResult r = engines.get(OcrProfile.digitLine("eng")).recognise(line, 300, Duration.ofSeconds(5));
            assertThat(r.text()).matches("[0-9 ]*");
        } finally {
            line.release();
        }
    }

    @Test
    void anExpiredDeadlineCancelsRecognition() {
        Mat line = TestImages.toMat(TestImages.textLine(ID_TEXT, 60));
        try {
            OcrResult r = engines.get(OcrProfile.digitLine("eng")).recognise(line, 300, Duration.ZERO);
            assertThat(r.timedOut()).isTrue();
            assertThat(r.words()).isEmpty();
            // the engine stays usable after a cancelled run
            OcrResult again = engines.get(OcrProfile.digitLine("eng")).recognise(line, 300, Duration.ofSeconds(5));
            assertThat(again.text()).isEqualTo(ID_TEXT);
        } finally {
            line.release();
        }
    }

    @Test
    void oneEnginePerThreadAndProfileReusedNeverShared() throws Exception {
        OcrProfile digits = OcrProfile.digitLine("eng");
        TesseractEngine mine = engines.get(digits);
        assertThat(engines.get(digits)).isSameAs(mine);
        TesseractEngine other = CompletableFuture.supplyAsync(() -> engines.get(digits)).get();
        assertThat(other).isNotSameAs(mine);

        Mat line = TestImages.toMat(TestImages.textLine("42", 40));
        try {
            assertThatThrownBy(() -> other.recognise(line, 300, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("confined");
        } finally {
            line.release();
        }
    }

    @Test
    void closeEndsEveryThreadsEngines() throws Exception {
        TesseractEngines local = new TesseractEngines(TESSDATA);
        local.selfTest(OcrProfile.digitLine("eng"));
        CompletableFuture.runAsync(() -> local.get(OcrProfile.digitLine("eng"))).get();
        assertThat(local.size()).isEqualTo(2);
        local.close();
        assertThat(local.size()).isZero();
        assertThatThrownBy(() -> local.get(OcrProfile.digitLine("eng"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingInstallationFailsTheSelfTestWithAnInstallHint() {
        try (TesseractEngines missingDir = new TesseractEngines(Path.of("/nonexistent/tessdata"))) {
            assertThatThrownBy(() -> missingDir.selfTest(OcrProfile.digitLine("eng")))
                    .isInstanceOf(OcrUnavailableException.class).hasMessageContaining("apt-get install");
        }
        try (TesseractEngines noLanguage = new TesseractEngines(TESSDATA)) {
            assertThatThrownBy(() -> noLanguage.selfTest(OcrProfile.digitLine("xxx")))
                    .isInstanceOf(OcrUnavailableException.class).hasMessageContaining("tesseract-ocr-xxx");
        }
    }
}
