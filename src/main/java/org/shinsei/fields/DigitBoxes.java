package org.shinsei.fields;

import java.util.List;

import org.shinsei.form.MmRect;
import org.shinsei.registration.RegisteredPage;

/** Reads what is written in a row of digit boxes, one reading per box, in order. */
interface DigitBoxes {

    List<BoxReading> read(RegisteredPage page, List<MmRect> boxes);
}
