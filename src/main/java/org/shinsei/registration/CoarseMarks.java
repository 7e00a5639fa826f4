package org.shinsei.registration;

import java.util.Map;

/**
 * Registration marks as first found in the search image: where each identified mark is (search pixels) and the
 * scale they imply (search pixels per mm).
 *
 * @param how which evidence identified the page: the three finders, or two finders and the plain square
 */
record CoarseMarks(Map<MarkRole, double[]> positions, double pxPerMm, double score, String how) {
}
