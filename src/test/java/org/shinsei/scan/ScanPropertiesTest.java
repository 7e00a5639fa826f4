package org.shinsei.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

class ScanPropertiesTest {

    @Test
    void configFileBindsToTheCodeDefaults() throws IOException {
        var sources = new YamlPropertySourceLoader().load("scan", new FileSystemResource("config/scan.yml"));
        ScanProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("shinsei.scan", ScanProperties.class).get();
        assertThat(bound).isEqualTo(ScanProperties.defaults());
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> new ScanProperties(0, 50, 1, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
