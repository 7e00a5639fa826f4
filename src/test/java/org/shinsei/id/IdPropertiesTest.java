package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** config/id.yml is what operators read and edit: it must bind and say the same as the code's defaults. */
class IdPropertiesTest {

    @Test
    void configFileBindsToTheDefaults() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("id", new FileSystemResource("config/id.yml"));
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml));

        IdProperties bound = binder.bind("shinsei.id", IdProperties.class).get();

        assertThat(bound).isEqualTo(IdProperties.defaults());
    }

    @Test
    void missingKeysFallBackToTheAnnotatedDefaults() {
        Binder empty = new Binder(ConfigurationPropertySources.from(List.of(
                new org.springframework.core.env.MapPropertySource("x", java.util.Map.of("shinsei.id.language", "eng")))));

        IdProperties bound = empty.bind("shinsei.id", IdProperties.class).get();

        assertThat(bound).isEqualTo(IdProperties.defaults());
    }
}
