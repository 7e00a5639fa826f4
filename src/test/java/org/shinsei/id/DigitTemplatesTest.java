package org.shinsei.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shinsei.support.OpenCv;

/** The committed digit templates are the project's own: what {@link DigitTemplatesBuilder} makes from the fonts. */
class DigitTemplatesTest {

    static final Path COMMITTED = Path.of("src/main/resources/org/shinsei/id", DigitTemplates.RESOURCE);

    @BeforeAll
    static void openCv() {
        OpenCv.load();
    }

    @Test
    void committedTemplatesAreWhatTheBuilderMakes() throws Exception {
        DigitTemplatesBuilder builder = new DigitTemplatesBuilder(GeneratedPages.LAYOUT, IdProperties.defaults());
        String built = builder.build();
        System.out.println("digit templates: " + builder);
        if (Boolean.getBoolean("id.templates.write")) {
            Files.writeString(COMMITTED, built, StandardCharsets.UTF_8);
        }
        assertThat(builder.linesSkipped).as("degraded lines whose cells were not found").isLessThan(builder.linesUsed / 10);
        DigitTemplates committed = DigitTemplates.parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        DigitTemplates rebuilt = DigitTemplates.parse(built);
        assertThat(committed.fonts()).isEqualTo(rebuilt.fonts()).hasSize(DigitTemplatesBuilder.FONTS.size());
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8)).isEqualTo(built);
        assertThat(DigitTemplates.load().fonts()).isEqualTo(committed.fonts());
    }
}
