package org.shinsei.id;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.qrcode.QRCodeReader;
import org.opencv.core.Mat;
import org.shinsei.form.FormLayout;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * Decodes the QR code of a registered page. The fast path is one ZXing decoding of a small crop around the
 * layout's QR rectangle; only when it fails come the slower attempts, in order of cost: harder search, the other
 * binariser, other resolutions, a larger region, and finally sampling the module grid where the layout says
 * the code is (which survives a damaged finder pattern). The first 23-digit payload wins.
 *
 * <p>Rotating the crop is not among the attempts: ZXing's finder-pattern detection is rotation-invariant, and
 * the crop is already upright.
 */
final class QrDecoder {

    static final Pattern ID = Pattern.compile("[0-9]{23}");

    /** One decoding attempt: a name for the statistics and the decoding itself (null = nothing found). */
    private record Attempt(String name, Function<RegisteredPage, String> decode) {
    }

    private final List<Attempt> attempts = new ArrayList<>();

    QrDecoder(FormLayout layout, IdProperties props) {
        MmRect qr = layout.qr().grow(props.qrMarginMm());
        double px = props.qrPxPerMm();
        attempts.add(new Attempt("fast", p -> zxing(p, qr, px, false, GreyLuminance::hybrid)));
        if (props.fallbacks()) {
            attempts.add(new Attempt("try-harder", p -> zxing(p, qr, px, true, GreyLuminance::hybrid)));
            attempts.add(new Attempt("global-histogram", p -> zxing(p, qr, px, true, GreyLuminance::globalHistogram)));
            attempts.add(new Attempt("scale-1.5", p -> zxing(p, qr, px * 1.5, true, GreyLuminance::hybrid)));
            attempts.add(new Attempt("scale-0.75", p -> zxing(p, qr, px * 0.75, true, GreyLuminance::hybrid)));
            MmRect topBand = new MmRect(0, 0, layout.pageWidth(), layout.qr().y() + layout.qr().height() + 15);
            attempts.add(new Attempt("top-band", p -> zxing(p, topBand, px, true, GreyLuminance::hybrid)));
            QrGridSampler sampler = new QrGridSampler(layout.qr());
            attempts.add(new Attempt("layout-grid", sampler::decode));
        }
    }

    QrResult decode(RegisteredPage page) {
        long start = System.nanoTime();
        String rejected = null;
        int tried = 0;
        for (Attempt a : attempts) {
            tried++;
            String text = a.decode().apply(page);
            if (text == null) {
                continue;
            }
            if (ID.matcher(text).matches()) {
                return new QrResult(text, a.name(), null, tried, millisSince(start));
            }
            // A QR that decodes to something else is not this form's ID; a later attempt will not change that.
            rejected = "QR payload is not 23 digits (" + text.length() + " characters)";
            break;
        }
        return new QrResult(null, null, rejected, tried, millisSince(start));
    }

    private static String zxing(RegisteredPage page, MmRect rect, double pxPerMm, boolean tryHarder,
                                Function<Mat, BinaryBitmap> binarise) {
        Mat crop = page.cropGrey(rect, pxPerMm);
        try {
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
            hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            if (tryHarder) {
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            }
            return new QRCodeReader().decode(binarise.apply(crop), hints).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        } finally {
            crop.release();
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
