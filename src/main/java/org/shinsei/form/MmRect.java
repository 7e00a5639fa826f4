package org.shinsei.form;

import java.util.List;

/** A rectangle on the printed page, in millimetres from the top-left corner (x right, y down). */
public record MmRect(double x, double y, double width, double height) {

    public static MmRect of(List<? extends Number> xywh) {
        if (xywh.size() != 4) {
            throw new IllegalArgumentException("a rectangle needs [x, y, width, height], got " + xywh);
        }
        return new MmRect(xywh.get(0).doubleValue(), xywh.get(1).doubleValue(),
                xywh.get(2).doubleValue(), xywh.get(3).doubleValue());
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public MmRect grow(double mm) {
        return new MmRect(x - mm, y - mm, width + 2 * mm, height + 2 * mm);
    }
}
