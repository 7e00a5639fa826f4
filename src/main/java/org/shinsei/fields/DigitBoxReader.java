package org.shinsei.fields;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/**
 * Reads 7 × 9 mm digit boxes: per box the crop, the printed frame out, the box's own strokes kept
 * ({@link BoxInk}), the digit normalised ({@link DigitImage}); then every digit of the call through the network at
 * once ({@link DigitNet}). Two neighbouring boxes whose strokes both cross the gap between them towards each other
 * are writing joined across the boxes (a digit spilling into the next one and touching its digit): which strokes
 * belong to which box cannot be told, so both are ENTANGLED and their field goes to a person. A digit that only
 * reaches over the gap, into a box whose own strokes stay clear of it, is read as usual.
 */
final class DigitBoxReader implements DigitBoxes {

    private final DigitNet net;
    private final FieldsProperties props;

    DigitBoxReader(DigitNet net, FieldsProperties props) {
        this.net = net;
        this.props = props;
    }

    @Override
    public List<BoxReading> read(RegisteredPage page, List<MmRect> boxes) {
        List<BoxCrop> crops = new ArrayList<>(boxes.size());
        for (MmRect box : boxes) {
            crops.add(crop(page, box, props));
        }
        boolean[] entangled = entangled(boxes, crops);
        List<byte[]> digits = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            if (crops.get(i).kind() == BoxInk.Kind.DIGIT && !entangled[i]) {
                digits.add(crops.get(i).digit());
            }
        }
        double[][] p = net.probabilities(digits);
        List<BoxReading> out = new ArrayList<>(boxes.size());
        int next = 0;
        for (int i = 0; i < crops.size(); i++) {
            BoxCrop c = crops.get(i);
            out.add(entangled[i] ? BoxReading.ENTANGLED : switch (c.kind()) {
                case EMPTY -> BoxReading.EMPTY;
                case MARK -> BoxReading.UNCLEAR;
                case DIGIT -> best(p[next++]);
            });
        }
        return out;
    }

    /** Pairs of side-by-side boxes (gap at most twice the crop margin) whose strokes both cross the gap between them. */
    private boolean[] entangled(List<MmRect> boxes, List<BoxCrop> crops) {
        boolean[] out = new boolean[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = 0; j < boxes.size(); j++) {
                MmRect a = boxes.get(i);
                MmRect b = boxes.get(j);
                double gap = b.x() - (a.x() + a.width());
                boolean besides = gap > 0 && gap <= 2 * props.growMm() && Math.abs(a.y() - b.y()) < 0.5 * a.height();
                if (besides && crops.get(i).reachesRight() && crops.get(j).reachesLeft()) {
                    out[i] = true;
                    out[j] = true;
                }
            }
        }
        return out;
    }

    private static BoxReading best(double[] p) {
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[k]) {
                k = i;
            }
        }
        return BoxReading.digit(k, p[k]);
    }

    /** What the box holds: empty, a stray mark, or a digit's image for the network. */
    static BoxCrop crop(RegisteredPage page, MmRect box, FieldsProperties props) {
        Mat ink = InkMap.extract(page, box, props.growMm(), props.pxPerMm(), props.frameBandMm());
        try (BoxInk found = BoxInk.find(ink, props.growMm(), props.pxPerMm(), props)) {
            return switch (found.kind()) {
                case EMPTY -> BoxCrop.EMPTY;
                case MARK -> BoxCrop.MARK;
                case DIGIT -> new BoxCrop(BoxInk.Kind.DIGIT, DigitImage.normalise(found.ink()), found.reachesLeft(),
                        found.reachesRight());
            };
        } finally {
            ink.release();
        }
    }
}
