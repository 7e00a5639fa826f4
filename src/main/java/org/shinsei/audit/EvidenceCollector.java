package org.shinsei.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shinsei.id.IdReading;
import org.shinsei.output.Crop;
import org.shinsei.output.CropMaker;
import org.shinsei.output.FormRecord;
import org.shinsei.photo.PhotoInspection;
import org.shinsei.registration.RegisteredPage;
import org.shinsei.registry.RegistryFact;
import org.springframework.stereotype.Component;

/**
 * Gathers a form page's {@link RecordEvidence} while the page is still open (the analyze step closes it right
 * after): the stages' intermediate measurements and, when wanted, the reviewers' crops.
 */
@Component
public class EvidenceCollector {

    private final CropMaker crops;

    public EvidenceCollector(CropMaker crops) {
        this.crops = crops;
    }

    public RecordEvidence collect(FormRecord record, RegisteredPage page, IdReading id, RegistryFact registry,
                                  PhotoInspection photo, boolean withCrops) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            Map<String, Object> idm = new LinkedHashMap<>();
            idm.put("source", id.source() == null ? null : id.source().name());
            idm.put("qr", id.qr());
            idm.put("printed", id.printed());
            idm.put("printedConfidence", id.printedConfidence());
            idm.put("printedCheck", id.printedCheck() == null ? null : id.printedCheck().name());
            m.put("id", idm);
        }
        if (registry != null) {
            // what the registry said (status and row hash, no personal data): replay decides again from this
            m.put("registry", registry.asMap());
        }
        if (photo != null) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("print", photo.print());
            pm.put("head", photo.head());
            pm.put("background", photo.background());
            pm.put("headwear", photo.headwear());
            pm.put("quality", photo.quality());
            pm.put("unrounded", photo.measurement() == null ? null : unrounded(photo));
            m.put("photo", pm);
        }
        Map<String, Object> reg = new LinkedHashMap<>();
        reg.put("declaredDpi", page.declaredDpi());
        reg.put("dpi", page.dpi());
        reg.put("skewDeg", page.skewDeg());
        m.put("registration", reg);
        List<Crop> cut = withCrops ? crops.crops(page, record.reasons(), photo) : List.of();
        return new RecordEvidence(page.pageNo(), m, cut);
    }

    private static Map<String, Object> unrounded(PhotoInspection photo) {
        var pm = photo.measurement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("widthMm", pm.widthMm());
        m.put("heightMm", pm.heightMm());
        m.put("faceHeightMm", pm.faceHeightMm());
        m.put("topMarginMm", pm.topMarginMm());
        m.put("centreOffsetMm", pm.centreOffsetMm());
        m.put("rollDeg", pm.rollDeg());
        return m;
    }
}
