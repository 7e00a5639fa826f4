package org.shinsei.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** config/photo-rules.yml and PhotoProperties.defaults() say the same thing, and the bands judge as documented. */
class PhotoPropertiesTest {

    @Test
    void yamlBindsToTheDefaults() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("photo-rules",
                new FileSystemResource("config/photo-rules.yml"));
        PhotoProperties bound = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("shinsei.photo", PhotoProperties.class).get();
        assertEquals(PhotoProperties.defaults(), bound);
    }

    @Test
    void bandSaysWithinNearOrOutside() {
        Band crownToChin = Band.between(32, 36, 1);
        assertEquals(Band.Verdict.WITHIN, crownToChin.judge(34));
        assertEquals(Band.Verdict.WITHIN, crownToChin.judge(36));
        assertEquals(Band.Verdict.NEAR, crownToChin.judge(36.8));
        assertEquals(Band.Verdict.NEAR, crownToChin.judge(31.2));
        assertEquals(Band.Verdict.OUTSIDE, crownToChin.judge(30.5));
        assertEquals(Band.Verdict.OUTSIDE, Band.atLeast(600, 200).judge(350));
        assertEquals(Band.Verdict.WITHIN, Band.atMost(0.01, 0.01).judge(-5));
        assertThrows(IllegalArgumentException.class, () -> Band.between(3, 2, 0));
    }
}
