package org.shinsei.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.shinsei.support.FirstInstall;

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
        if (usesTheEmbeddedDatabase(profiles)) {
            FirstInstall.ensureDatabase(Path.of(System.getProperty(ShinseiCli.DATA_DIR_PROPERTY, home + "/data")));
        }
        app.setDefaultProperties(Map.of("spring.config.additional-location", "optional:file:" + home + "/config/"));
        app.setLogStartupInfo(false);
        return app.run(args);
    }

    /** The default datasource: H2 in the data folder, not a worker's or PostgreSQL's (README "Configuration"). */
    private static boolean usesTheEmbeddedDatabase(String[] profiles) {
        String active = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "")
                + "," + System.getProperty("spring.profiles.active", "") + "," + String.join(",", Arrays.asList(profiles));
        return System.getenv("SPRING_DATASOURCE_URL") == null && System.getProperty("spring.datasource.url") == null
                && !active.contains("worker") && !active.contains("postgresql");
    }
}
