package org.shinsei.sample;

import java.awt.Color;

/**
 * Ballpoint ink, as the notes on the form ask ("黒又は青のボールペン"), and the pale blue of a pen running dry or a
 * light gel pen, which the reader must still see.
 */
public enum InkColour {
    BLACK(new Color(25, 25, 30)),
    BLUE(new Color(25, 45, 150)),
    /** A faint blue pen: about half the darkening of ordinary blue ballpoint on the red channel. */
    FAINT_BLUE(new Color(120, 140, 215));

    private final Color colour;

    InkColour(Color colour) {
        this.colour = colour;
    }

    public Color colour() {
        return colour;
    }

    /** A pale trace of the same ink, for a faint mark. */
    public Color faint() {
        if (this == FAINT_BLUE) {
            return BLUE.faint();
        }
        return new Color(255 - (255 - colour.getRed()) * 35 / 100, 255 - (255 - colour.getGreen()) * 35 / 100,
                255 - (255 - colour.getBlue()) * 35 / 100);
    }
}
