package org.shinsei.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** {@code config/fields.yml} is what operators read: it must bind, and say the same as {@code defaults()}. */
class FieldsPropertiesTest {

    @Test
    void configFileBindsToTheDefaults() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("fields", new FileSystemResource("config/fields.yml"));
        FieldsProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("shinsei.fields", FieldsProperties.class).get();
        assertEquals(FieldsProperties.defaults(), bound);
    }

    /** The field floor is chosen with the network, on its calibration split: a retrained model needs its own. */
    @Test
    void fieldFloorIsTheOneCalibratedForTheCommittedNetwork() {
        assertEquals(DigitNet.fromClasspath().calibration().fieldThreshold(),
                FieldsProperties.defaults().minFieldConfidence(), 1e-9,
                "config/fields.yml min-field-confidence must be the fieldThreshold of models/digits-net.yml");
    }

    @Test
    void checkboxThresholdsMustBeOrdered() {
        FieldsProperties d = FieldsProperties.defaults();
        assertThrows(IllegalArgumentException.class, () -> new FieldsProperties(d.pxPerMm(), d.growMm(),
                d.frameBandMm(), d.inkThreshold(), d.speckMm2(), d.digitMinExtentMm(), d.minDigitConfidence(),
                d.minFieldConfidence(), d.secondOpinionMinDigit(), d.secondOpinionMinField(), d.signatureMinInkMm2(), d.signatureMinSpanMm(), d.signatureClearInkMm2(),
                d.signatureClearSpanMm(),
                0.1, 0.05));
    }
}
