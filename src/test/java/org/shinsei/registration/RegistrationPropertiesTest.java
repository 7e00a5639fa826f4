package org.shinsei.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

class RegistrationPropertiesTest {

    @Test
    void configFileBindsToTheCodeDefaults() throws IOException {
        var sources = new YamlPropertySourceLoader().load("registration", new FileSystemResource("config/registration.yml"));
        RegistrationProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bind("shinsei.registration", RegistrationProperties.class).get();
        assertThat(bound).isEqualTo(RegistrationProperties.defaults());
    }
}
