package org.shinsei.cli;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context for a command, with the configuration of the installation ({@code <home>/config/}). */
final class SpringContexts {

    private SpringContexts() {
    }

    static ConfigurableApplicationContext start(Class<?> application, String... args) {
        return startWithProfiles(application, new String[0], args);
    }

    /** With {@code profiles} turned on in addition to those the environment names (SPRING_PROFILES_ACTIVE). */
    static ConfigurableApplicationContext startWithProfiles(Class<?> application, String[] profiles, String... args) {
        SpringApplication app = new SpringApplication(application);
        app.setAdditionalProfiles(profiles);
        String home = System.getProperty("shinsei.home", ".");
        app.setDefaultProperties(Map.of("spring.config.additional-location", "optional:file:" + home + "/config/"));
        app.setLogStartupInfo(false);
        return app.run(args);
    }
}
