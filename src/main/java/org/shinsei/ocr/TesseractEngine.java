package org.shinsei.ocr;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * One initialised Tesseract handle ({@code TessBaseAPI}) for one {@link OcrProfile}, confined to the thread
 * that created it. Initialising costs tens of milliseconds and megabytes of model, so an engine is created once
 * per worker thread and profile ({@link TesseractEngines}) and reused for every image; it is never shared
 * between threads (Tesseract's handle is not thread-safe), which {@link #recognise} enforces.
 *
 * <p>Recognition runs under a deadline: Tesseract calls back a cancel function between words and the callback
 * answers "cancel" once the deadline has passed. That bounds recognition, not page-layout analysis; with
 * single-line page segmentation on small crops layout analysis is trivial, and a true hang inside it cannot be
 * interrupted from Java at all. That case is bounded one level up: the batch analyses each envelope on a runner
 * thread under {@code shinsei.scan.envelope-timeout} and, when it is exceeded, abandons that thread with its
 * engines; the next envelope runs on a fresh thread, which {@link TesseractEngines} gives fresh engines. An engine
 * still inside a native call is never ended under it ({@link #close()} leaves it to the process's exit).
 */
public final class TesseractEngine implements AutoCloseable {

    /** Tesseract's LSTM recogniser: the only one in the Debian traineddata. */
    private static final int OEM_LSTM_ONLY = 1;

    private final TessAPI api;
    private final TessBaseAPI handle;
    private final OcrProfile profile;
    private final Thread owner;
    private final ITessAPI.ETEXT_DESC monitor;
    private final DeadlineCancel cancel = new DeadlineCancel();
    private boolean closed;
    /** True while a native call is in progress on the owner thread. */
    private volatile boolean busy;

    private TesseractEngine(TessAPI api, TessBaseAPI handle, OcrProfile profile) {
        this.api = api;
        this.handle = handle;
        this.profile = profile;
        this.owner = Thread.currentThread();
        this.monitor = new ITessAPI.ETEXT_DESC();
        // Only the cancel pointer is used: it sits at the same offset in Tess4J's struct and in Tesseract 5's
        // ETEXT_DESC (whose later fields differ); every other byte stays zero, which Tesseract reads as
        // "no progress callback, no deadline".
        this.monitor.cancel = cancel;
    }

    /**
     * Creates and initialises an engine on the calling thread.
     *
     * @throws OcrUnavailableException when libtesseract cannot be loaded or the traineddata is missing
     */
    public static TesseractEngine open(Path tessdata, OcrProfile profile) {
        TessAPI api;
        TessBaseAPI handle;
        try {
            api = NativeTesseract.api();
            handle = api.TessBaseAPICreate();
        } catch (LinkageError e) {
            throw new OcrUnavailableException("libtesseract cannot be loaded (" + e.getMessage()
                    + "). Install it: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn", e);
        }
        int rc = api.TessBaseAPIInit2(handle, tessdata.toString(), profile.language(), OEM_LSTM_ONLY);
        if (rc != 0) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException("Tesseract cannot load language '" + profile.language() + "' from "
                    + tessdata + " (is " + profile.language() + ".traineddata there?). Install it: apt-get install "
                    + "tesseract-ocr-" + profile.language() + ", or set shinsei.id.tessdata", null);
        }
        profile.variables().forEach((k, v) -> {
            if (api.TessBaseAPISetVariable(handle, k, v) == ITessAPI.FALSE) {
                api.TessBaseAPIEnd(handle);
                api.TessBaseAPIDelete(handle);
                throw new IllegalArgumentException("Tesseract has no variable '" + k + "'");
            }
        });
        api.TessBaseAPISetPageSegMode(handle, profile.pageSegMode());
        return new TesseractEngine(api, handle, profile);
    }

    public OcrProfile profile() {
        return profile;
    }

    /**
     * Reads an 8-bit grey image ({@code CV_8UC1}, dark text on light paper).
     *
     * @param grey    the image; not modified
     * @param dpi     its resolution, which Tesseract uses to judge character sizes
     * @param timeout recognition is cancelled after this long ({@link OcrResult#timedOut()})
     */
    public OcrResult recognise(Mat grey, int dpi, Duration timeout) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Tesseract engine is confined to thread " + owner.getName()
                    + " and was called from " + Thread.currentThread().getName());
        }
        if (closed) {
            throw new IllegalStateException("Tesseract engine already closed");
        }
        if (grey.type() != CvType.CV_8UC1 || grey.empty()) {
            throw new IllegalArgumentException("need a non-empty 8-bit grey image, got " + grey);
        }
        long start = System.nanoTime();
        ByteBuffer pixels = toDirectBuffer(grey);
        busy = true;
        try {
            api.TessBaseAPISetImage(handle, pixels, grey.cols(), grey.rows(), 1, grey.cols());
            api.TessBaseAPISetSourceResolution(handle, dpi);
            cancel.arm(start + timeout.toNanos());
            int rc = api.TessBaseAPIRecognize(handle, monitor);
            boolean timedOut = cancel.fired();
            if (rc != 0 && !timedOut) {
                throw new IllegalStateException("Tesseract recognition failed (rc=" + rc + ")");
            }
            List<OcrWord> words = timedOut ? List.of() : words();
            return new OcrResult(words, timedOut, (System.nanoTime() - start) / 1_000_000);
        } finally {
            api.TessBaseAPIClear(handle);
            busy = false;
        }
    }

    private List<OcrWord> words() {
        TessResultIterator ri = api.TessBaseAPIGetIterator(handle);
        if (ri == null) {
            return List.of();
        }
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            api.TessPageIteratorBegin(pi);
            List<OcrWord> words = new ArrayList<>();
            WordBuilder word = null;
            do {
                String symbol = text(api.TessResultIteratorGetUTF8Text(ri, TessPageIteratorLevel.RIL_SYMBOL));
                if (symbol == null) {
                    continue;
                }
                if (word == null || api.TessPageIteratorIsAtBeginningOf(pi, TessPageIteratorLevel.RIL_WORD)
                        == ITessAPI.TRUE) {
                    if (word != null) {
                        words.add(word.build());
                    }
                    word = new WordBuilder(api.TessResultIteratorConfidence(ri, TessPageIteratorLevel.RIL_WORD));
                }
                word.add(symbol, api.TessResultIteratorConfidence(ri, TessPageIteratorLevel.RIL_SYMBOL), box(pi));
            } while (api.TessPageIteratorNext(pi, TessPageIteratorLevel.RIL_SYMBOL) == ITessAPI.TRUE);
            if (word != null) {
                words.add(word.build());
            }
            return words;
        } finally {
            api.TessResultIteratorDelete(ri);
        }
    }

    private int[] box(TessPageIterator pi) {
        IntBuffer l = IntBuffer.allocate(1);
        IntBuffer t = IntBuffer.allocate(1);
        IntBuffer r = IntBuffer.allocate(1);
        IntBuffer b = IntBuffer.allocate(1);
        api.TessPageIteratorBoundingBox(pi, TessPageIteratorLevel.RIL_SYMBOL, l, t, r, b);
        return new int[] {l.get(0), t.get(0), r.get(0), b.get(0)};
    }

    private String text(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            api.TessDeleteText(p);
        }
    }

    private static ByteBuffer toDirectBuffer(Mat grey) {
        Mat continuous = grey.isContinuous() ? grey : grey.clone();
        try {
            byte[] bytes = new byte[continuous.cols() * continuous.rows()];
            continuous.get(0, 0, bytes);
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
            buffer.put(bytes).flip();
            return buffer;
        } finally {
            if (continuous != grey) {
                continuous.release();
            }
        }
    }

    /**
     * Ends the handle; called by {@link TesseractEngines#close()} at shutdown. Idempotent. An engine whose owner
     * thread is still inside Tesseract (abandoned after an envelope timeout) is left alone: ending it under the
     * running call would crash the process; its memory goes when the process ends.
     */
    @Override
    public synchronized void close() {
        if (busy && Thread.currentThread() != owner) {
            return;
        }
        if (!closed) {
            closed = true;
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
        }
    }

    /**
     * Tess4J's interface mapping, whose functions are bound on first call. (Its direct mapping {@code TessAPI1}
     * binds every function at class load and fails on Debian's libtesseract 5.3, which lacks functions that Tess4J
     * 5.13 declares, such as {@code TessPAGERendererCreate}.)
     */
    private static final class NativeTesseract {

        private static final TessAPI API = LoadLibs.getTessAPIInstance();

        static TessAPI api() {
            return API;
        }
    }

    /** Tesseract's cancel callback: answers true once the armed deadline has passed. */
    private static final class DeadlineCancel implements ITessAPI.CANCEL_FUNC {

        private long deadlineNanos;
        private boolean fired;

        void arm(long deadline) {
            this.deadlineNanos = deadline;
            this.fired = false;
        }

        boolean fired() {
            return fired;
        }

        @Override
        public boolean invoke(Pointer cancelThis, int words) {
            if (System.nanoTime() > deadlineNanos) {
                fired = true;
            }
            return fired;
        }
    }

    private static final class WordBuilder {

        private final double confidence;
        private final StringBuilder text = new StringBuilder();
        private final List<OcrSymbol> symbols = new ArrayList<>();

        WordBuilder(float confidence) {
            this.confidence = confidence / 100.0;
        }

        void add(String symbol, float confidence, int[] box) {
            text.append(symbol);
            symbols.add(new OcrSymbol(symbol, confidence / 100.0, box[0], box[1], box[2], box[3]));
        }

        OcrWord build() {
            return new OcrWord(text.toString(), confidence, symbols);
        }
    }
}
