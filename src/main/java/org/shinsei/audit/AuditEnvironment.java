package org.shinsei.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.opencv.core.Core;
import org.shinsei.cli.ShinseiCli;
import org.shinsei.id.IdProperties;
import org.shinsei.photo.PhotoProperties;
import org.shinsei.support.Hashing;
import org.shinsei.support.OpenCv;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a decision depends on besides the envelope: the software and library versions, the digit model, the face
 * detector and mesh models and the Tesseract language files (by SHA-256), and the effective configuration of every recognition
 * stage — the bound {@code @ConfigurationProperties} records, serialised canonically (keys sorted) and hashed.
 * Computed once per process. The batch and output properties (workers, chunk size, folders, queue names) are left
 * out: they change where and how fast, not what is decided.
 */
@Component
public class AuditEnvironment {

    /** Canonical JSON: sorted keys, so the same configuration always gives the same bytes. */
    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final List<String> MODEL_RESOURCES = List.of("/models/digits-net.onnx", "/models/digits-net.yml",
            "/models/digits-svm.yml.gz", "/models/digits-cnn.bin.gz", "/models/digits-calibration.yml",
            "/models/face_detection_short_range.tflite", "/models/face_landmark.tflite");
    private static final List<String> NOT_DECIDING = List.of("org.shinsei.batch.", "org.shinsei.output.", "org.shinsei.audit.");

    private final ApplicationContext context;
    private final PhotoProperties photo;
    private final IdProperties id;
    private volatile Snapshot snapshot;

    public AuditEnvironment(ApplicationContext context, PhotoProperties photo, IdProperties id) {
        this.context = context;
        this.photo = photo;
        this.id = id;
    }

    /**
     * The environment of this process.
     *
     * @param software      Shinsei's version, Java, and the recognition libraries
     * @param models        digit model and calibration, face detector and mesh: name → SHA-256
     * @param tessdata      Tesseract language files: name → SHA-256
     * @param configSha256  SHA-256 of {@link #configuration()}
     * @param configuration the effective configuration, canonical JSON
     */
    public record Snapshot(Map<String, String> software, Map<String, String> models, Map<String, String> tessdata,
                           String configSha256, String configuration) {

        /** The environment without the configuration text: what every audit entry carries. */
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("software", software);
            m.put("models", models);
            m.put("tessdata", tessdata);
            m.put("configSha256", configSha256);
            return m;
        }

        /** Identifies the environment (the summary's canonical hash): the key of table audit_environment. */
        public String sha256() {
            return Hashing.sha256(CANONICAL.writeValueAsString(summary()));
        }
    }

    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = compute();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot compute() {
        String configuration = configuration();
        return new Snapshot(software(), models(), tessdata(), Hashing.sha256(configuration), configuration);
    }

    /** Every recognition stage's bound properties record, by prefix, as canonical JSON. */
    public String configuration() {
        Map<String, Object> byPrefix = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ConfigurationProperties.class).values()) {
            Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(bean);
            ConfigurationProperties cp = type.getAnnotation(ConfigurationProperties.class);
            String name = type.getName();
            if (cp == null || !name.startsWith("org.shinsei.") || NOT_DECIDING.stream().anyMatch(name::startsWith)) {
                continue;
            }
            String prefix = !cp.prefix().isEmpty() ? cp.prefix() : cp.value();
            byPrefix.put(prefix.isEmpty() ? name : prefix, bean);
        }
        return CANONICAL.writeValueAsString(byPrefix);
    }

    private static Map<String, String> software() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("shinsei", String.join(" ", ShinseiCli.class.getAnnotation(Command.class).version()));
        m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        OpenCv.load();
        m.put("opencv", Core.VERSION);
        m.put("pdfbox", String.valueOf(org.apache.pdfbox.util.Version.getVersion()));
        m.put("zxing", jar(com.google.zxing.Result.class));
        m.put("tess4j", jar(net.sourceforge.tess4j.ITessAPI.class));
        m.put("tesseract", tesseractVersion());
        return m;
    }

    /** The jar a class comes from (its file name carries the version), for libraries without a manifest version. */
    private static String jar(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        String where = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
        int jarEnd = where.lastIndexOf(".jar"); // the innermost jar when nested in Shinsei's own
        if (jarEnd < 0) {
            return "unknown";
        }
        String upToJar = where.substring(0, jarEnd + 4);
        return upToJar.substring(upToJar.lastIndexOf('/') + 1);
    }

    private static String tesseractVersion() {
        try {
            return net.sourceforge.tess4j.util.LoadLibs.getTessAPIInstance().TessVersion();
        } catch (RuntimeException | LinkageError e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private Map<String, String> models() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String resource : MODEL_RESOURCES) {
            try (InputStream in = AuditEnvironment.class.getResourceAsStream(resource)) {
                m.put(resource.substring(1), in == null ? "missing" : Hashing.sha256(in));
            } catch (IOException e) {
                m.put(resource.substring(1), "unreadable: " + e.getClass().getSimpleName());
            }
        }
        return m;
    }

    private Map<String, String> tessdata() {
        Map<String, String> m = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(id.tessdata())) {
            list.filter(p -> p.getFileName().toString().endsWith(".traineddata")).forEach(files::add);
        } catch (IOException e) {
            m.put(id.tessdata().toString(), "unreadable: " + e.getClass().getSimpleName());
        }
        files.forEach(f -> m.put(f.getFileName().toString(), Hashing.sha256OrNote(f)));
        return m;
    }
}
