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
        // equal but for a grey level of rounding, should another JDK antialias the outlines a little differently
        String[] a = Files.readString(COMMITTED, StandardCharsets.UTF_8).split("\n");
        String[] b = built.split("\n");
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            String[] x = a[i].split(" ");
            String[] y = b[i].split(" ");
            assertThat(x).as("line %d", i + 1).hasSameSizeAs(y);
            for (int j = 0; j < x.length; j++) {
                if (a[i].startsWith("#") || j < 2) {
                    assertThat(x[j]).as("line %d field %d", i + 1, j + 1).isEqualTo(y[j]);
                } else {
                    assertThat(Math.abs(Integer.parseInt(x[j]) - Integer.parseInt(y[j]))).as("line %d value %d", i + 1, j - 1)
                            .isLessThanOrEqualTo(2);
                }
            }
        }
        assertThat(DigitTemplates.load().fonts()).isEqualTo(committed.fonts());
    }
}
