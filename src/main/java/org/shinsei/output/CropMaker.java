package org.shinsei.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.form.FormLayout;
import org.shinsei.form.LayoutLoader;
import org.shinsei.form.MmRect;
import org.shinsei.photo.PhotoInspection;
import org.shinsei.photo.PhotoProperties;
import org.shinsei.registration.RegisteredPage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Cuts the crops a reviewer needs from a registered form page: always the photo print (upright, edge to edge, so
 * the framing measured in millimetres on the print can be drawn on it), and each hand-written field or the ID
 * when a reason points at it. Small JPEGs: 8 px/mm, quality 85.
 */
@Component
public class CropMaker {

    static final double PX_PER_MM = 8;
    private static final int JPEG_QUALITY = 85;

    private final FormLayout layout;
    private final PhotoProperties photo;

    @Autowired
    public CropMaker(PhotoProperties photo) {
        this(LayoutLoader.loadDefault(), photo);
    }

    public CropMaker(FormLayout layout, PhotoProperties photo) {
        this.layout = layout;
        this.photo = photo;
    }

    public List<Crop> crops(RegisteredPage page, List<Reason> reasons, PhotoInspection inspection) {
        List<Crop> out = new ArrayList<>();
        out.add(photoCrop(page, inspection));
        if (any(reasons, ReasonCode.PHONE_MISSING, ReasonCode.PHONE_UNREADABLE)) {
            out.add(crop(page, "phone", union(layout.phoneBoxes()).grow(2)));
        }
        if (any(reasons, ReasonCode.DATE_MISSING, ReasonCode.DATE_UNREADABLE, ReasonCode.DATE_INVALID)) {
            List<MmRect> boxes = new ArrayList<>(layout.yearBoxes());
            boxes.addAll(layout.monthBoxes());
            boxes.addAll(layout.dayBoxes());
            MmRect date = union(boxes).grow(2);
            out.add(crop(page, "date", new MmRect(date.x(), date.y(), date.width() + 6, date.height()))); // and the 日 after the boxes
        }
        if (any(reasons, ReasonCode.SIGNATURE_MISSING)) {
            out.add(crop(page, "signature", layout.signature().grow(1)));
        }
        if (any(reasons, ReasonCode.CHECKBOX_AMBIGUOUS)) {
            MmRect boxes = union(List.copyOf(layout.checkboxes().values())).grow(2);
            out.add(crop(page, "checkboxes", new MmRect(boxes.x(), boxes.y(), boxes.width() + 80, boxes.height())));
        }
        if (any(reasons, ReasonCode.ID_UNREADABLE, ReasonCode.ID_MISMATCH)) {
            out.add(crop(page, "id", union(List.of(layout.idDigits(), layout.qr())).grow(2)));
        }
        return out;
    }

    private Crop photoCrop(RegisteredPage page, PhotoInspection inspection) {
        MmRect search = layout.photoBox().grow(photo.print().searchMarginMm());
        if (inspection == null || inspection.print() == null) {
            return crop(page, "photo-area", search);
        }
        Mat searchCrop = page.cropImage(search, photo.print().pxPerMm());
        try {
            Mat print = inspection.print().straighten(searchCrop, PX_PER_MM, 0);
            try {
                return encode("photo", print);
            } finally {
                print.release();
            }
        } finally {
            searchCrop.release();
        }
    }

    private static Crop crop(RegisteredPage page, String kind, MmRect rect) {
        Mat m = page.cropImage(rect, PX_PER_MM);
        try {
            return encode(kind, m);
        } finally {
            m.release();
        }
    }

    private static Crop encode(String kind, Mat image) {
        MatOfByte buf = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        try {
            Imgcodecs.imencode(".jpg", image, buf, params);
            return new Crop(kind, PX_PER_MM, image.cols(), image.rows(), buf.toArray());
        } finally {
            buf.release();
            params.release();
        }
    }

    private static boolean any(List<Reason> reasons, ReasonCode... codes) {
        Set<ReasonCode> wanted = Set.of(codes);
        return reasons.stream().anyMatch(r -> wanted.contains(r.code()));
    }

    private static MmRect union(List<MmRect> rects) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (MmRect r : rects) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        return new MmRect(x0, y0, x1 - x0, y1 - y0);
    }
}
