package org.shinsei.audit;

import java.util.List;
import java.util.Map;

import org.shinsei.output.Crop;

/**
 * What stands behind one form record besides the record itself: the intermediate measurements (ID sources, the
 * print's outline, head geometry, background / headwear / quality statistics) for the audit log and replay, and
 * the reviewers' crops.
 *
 * @param page         the record's page (1-based)
 * @param measurements nested name → value maps; numbers unrounded
 * @param crops        empty when not wanted (replay)
 */
public record RecordEvidence(int page, Map<String, Object> measurements, List<Crop> crops) {

    public RecordEvidence {
        measurements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measurements));
        crops = List.copyOf(crops);
    }
}
