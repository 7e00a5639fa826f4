package org.shinsei.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.shinsei.support.OpenCv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-thread Tesseract engines: each worker thread gets its own engine per {@link OcrProfile}, created on
 * first use and reused for every later image; engines are never handed to another thread. {@link #close()}
 * ends all of them at shutdown (engines of threads that have died stay open until then, so use a fixed pool).
 */
public final class TesseractEngines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TesseractEngines.class);

    private final Path tessdata;
    private final ThreadLocal<Map<OcrProfile, TesseractEngine>> perThread = ThreadLocal.withInitial(HashMap::new);
    private final Queue<TesseractEngine> all = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    public TesseractEngines(Path tessdata) {
        this.tessdata = tessdata;
    }

    /** The calling thread's engine for {@code profile}, created on first use. */
    public TesseractEngine get(OcrProfile profile) {
        if (closed) {
            throw new IllegalStateException("Tesseract engines already closed");
        }
        return perThread.get().computeIfAbsent(profile, p -> {
            TesseractEngine engine = TesseractEngine.open(tessdata, p);
            all.add(engine);
            log.debug("Tesseract engine {} created for thread {}", p.language(), Thread.currentThread().getName());
            return engine;
        });
    }

    /** How many engines exist across all threads (for tests and monitoring). */
    public int size() {
        return all.size();
    }

    /**
     * Reads a tiny rendered "0123" with {@code profile} so that a missing library or traineddata fails at start-up
     * instead of at the first envelope. The text is not checked: the point is that the native stack runs.
     *
     * @throws OcrUnavailableException with an install hint when Tesseract is not usable
     */
    public void selfTest(OcrProfile profile) {
        if (!Files.isDirectory(tessdata)) {
            throw new OcrUnavailableException("Tesseract data folder " + tessdata + " does not exist. Install it: "
                    + "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn, or set shinsei.id.tessdata",
                    null);
        }
        OpenCv.load();
        Mat probe = new Mat(40, 120, CvType.CV_8UC1, new Scalar(255));
        try {
            Imgproc.putText(probe, "0123", new Point(8, 30), Imgproc.FONT_HERSHEY_SIMPLEX, 1.0, new Scalar(0), 2);
            OcrResult r = get(profile).recognise(probe, 300, Duration.ofSeconds(10));
            log.debug("Tesseract self-test read '{}' in {} ms", r.text(), r.millis());
        } finally {
            probe.release();
        }
    }

    /** Ends every engine of every thread. */
    @Override
    public void close() {
        closed = true;
        TesseractEngine e;
        while ((e = all.poll()) != null) {
            e.close();
        }
    }
}
