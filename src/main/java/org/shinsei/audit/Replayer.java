package org.shinsei.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shinsei.batch.EnvelopeAnalyzer;
import org.shinsei.batch.EnvelopeResult;
import org.shinsei.batch.FormInspector;
import org.shinsei.batch.StageTimings;
import org.shinsei.decision.Reason;
import org.shinsei.decision.ReasonCode;
import org.shinsei.decision.Severity;
import org.shinsei.output.FormRecord;
import org.shinsei.registration.PageRegistrar;
import org.shinsei.registry.RegistryCheck;
import org.shinsei.registry.RegistryFact;
import org.shinsei.registry.RegistryLookup;
import org.shinsei.registry.RegistryStatus;
import org.shinsei.scan.Envelope;
import org.shinsei.scan.EnvelopeOpener;
import org.shinsei.support.Hashing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code shinsei replay}: runs the analyze step's own {@link EnvelopeAnalyzer} again on the envelopes an audit log
 * names, with this installation's configuration, and compares every decision and measurement with the log
 * ({@link DecisionEntries#comparable}, numbers within {@link JsonDiff#TOLERANCE}).
 * <ul>
 *   <li>The environment is compared first: a configuration whose hash differs from the logged one is a difference
 *       (the log's decisions were made under another configuration), listed key by key against the configuration
 *       the log carries; so are other software, model or tessdata hashes.</li>
 *   <li>DUPLICATE_APPLICATION depends on other envelopes and earlier batches, not on the envelope itself: it is
 *       taken from the log (added to the replayed record when the log has it), never recomputed.</li>
 *   <li>The registry facts each decision used (the row's status and hash, {@code evidence.registry}) come from the
 *       log, so that a batch replays on any installation, with or without the registry, and after it changed.
 *       Where the installation's registry would now say otherwise, that is listed apart
 *       ({@link Result#registryToday}), not counted as a difference. A log written before the facts were logged is
 *       replayed against the installation's registry.</li>
 * </ul>
 */
@Component
public class Replayer {

    private static final String REGISTRY = "registry";

    private final EnvelopeOpener opener;
    private final PageRegistrar registrar;
    private final FormInspector inspector;
    private final StageTimings timings;
    private final EvidenceCollector collector;
    private final AuditEnvironment environment;
    private final RegistryCheck registry;

    public Replayer(EnvelopeOpener opener, PageRegistrar registrar, FormInspector inspector, StageTimings timings,
                    EvidenceCollector collector, AuditEnvironment environment, RegistryCheck registry) {
        this.opener = opener;
        this.registrar = registrar;
        this.inspector = inspector;
        this.timings = timings;
        this.collector = collector;
        this.environment = environment;
        this.registry = registry;
    }

    /**
     * What replay found: how many decisions were compared and every difference (empty: all reproduced); apart from
     * them, where the installation's registry differs today from the facts the decisions used.
     */
    public record Result(int decisions, int reproduced, List<String> differences, List<String> registryToday) {

        Result(int decisions, int reproduced, List<String> differences) {
            this(decisions, reproduced, differences, List.of());
        }
    }

    public Result replay(Path batchDir) throws IOException {
        List<String> lines = Files.readAllLines(batchDir.resolve(AuditChain.FILE), StandardCharsets.UTF_8);
        Optional<AuditChain.Break> broken = AuditChain.check(lines);
        if (broken.isPresent()) {
            return new Result(0, 0, List.of("the audit log is not intact: " + broken.get()));
        }
        String batchId = null;
        Path folder = null;
        LocalDate batchDate = null;
        Map<String, JsonNode> environments = new LinkedHashMap<>();
        Map<String, Map<Integer, JsonNode>> decisions = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode e = AuditChain.MAPPER.readTree(line);
            switch (e.path("type").asString("")) {
                case "batch" -> {
                    if (folder == null && e.hasNonNull("folder")) {
                        batchId = e.path("batch").asString();
                        folder = Path.of(e.path("folder").asString());
                        batchDate = LocalDate.parse(e.path("batchDate").asString());
                    }
                }
                case "environment" -> environments.put(e.path("environmentSha256").asString(), e);
                case "decision" -> {
                    String envelope = e.path("envelope").asString();
                    decisions.computeIfAbsent(envelope, k -> new LinkedHashMap<>())
                            .put(e.path("page").isNull() ? 0 : e.path("page").asInt(), e);
                    hashes.put(envelope, e.path("envelopeSha256").asString(null));
                }
                default -> { }
            }
        }
        List<String> differences = new ArrayList<>();
        if (folder == null) {
            return new Result(0, 0, List.of("the audit log names no batch folder"));
        }
        compareEnvironments(environments, differences);
        LoggedRegistry logged = new LoggedRegistry();
        EnvelopeAnalyzer analyzer = new EnvelopeAnalyzer(opener, registrar, inspector.withRegistry(logged), timings,
                batchDate, collector, false);
        int compared = 0;
        int reproduced = 0;
        for (var entry : decisions.entrySet()) {
            String name = entry.getKey();
            Map<Integer, JsonNode> decided = entry.getValue();
            Path file = folder.resolve(name);
            String loggedSha = hashes.get(name);
            if (loggedSha != null && !loggedSha.equals(Files.isRegularFile(file) ? Hashing.sha256OrNote(file) : "missing")) {
                differences.add(name + ": the envelope file is missing or changed since the batch ran; not replayed");
                compared += decided.size();
                continue;
            }
            EnvelopeResult result;
            try {
                logged.use(decided.values());
                result = analyzer.process(new Envelope(batchId, name, file, loggedSha));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("replay interrupted at " + name, e);
            }
            Map<Integer, FormRecord> replayed = new LinkedHashMap<>();
            result.records().forEach(r -> replayed.put(r.page() == null ? 0 : r.page(), r));
            for (var l : decided.entrySet()) {
                compared++;
                String where = name + (l.getKey() == 0 ? "" : " p" + l.getKey());
                FormRecord r = replayed.remove(l.getKey());
                if (r == null) {
                    differences.add(where + ": logged " + l.getValue().path("outcome").asString() + ", replay gave no record");
                    continue;
                }
                r = withLoggedDuplicate(r, l.getValue());
                RecordEvidence ev = result.evidenceOf(r);
                ObjectNode mine = DecisionEntries.comparable(DecisionEntries.decision(r,
                        ev == null ? null : AuditEnvironment.CANONICAL.writeValueAsString(ev.measurements()), null));
                if (!l.getValue().path("evidence").has(REGISTRY) && mine.get("evidence") instanceof ObjectNode evidence) {
                    evidence.remove(REGISTRY);     // a log from before the registry facts were logged
                }
                List<String> diffs = new ArrayList<>();
                JsonDiff.diff("", DecisionEntries.comparable(l.getValue()), mine, diffs);
                if (diffs.isEmpty()) {
                    reproduced++;
                } else {
                    diffs.forEach(d -> differences.add(where + ": " + d));
                }
            }
            replayed.forEach((page, r) -> differences.add(name + (page == 0 ? "" : " p" + page)
                    + ": replay gave a record (" + r.outcome() + ") that the log does not have"));
        }
        return new Result(compared, reproduced, differences, registryToday(decisions));
    }

    /**
     * The registry facts the envelope being replayed used, as logged ({@link #use}, before each envelope); an ID the log
     * has no facts for (a log from before they were logged, or an ID the replay reads differently) is looked up in the
     * installation's registry. Replay runs one envelope at a time.
     */
    private final class LoggedRegistry implements RegistryLookup {

        private volatile Map<String, RegistryFact> facts = Map.of();

        void use(Iterable<JsonNode> decisions) {
            Map<String, RegistryFact> m = new LinkedHashMap<>();
            for (JsonNode d : decisions) {
                RegistryFact f = loggedFact(d);
                if (f != null) {
                    m.put(d.path("applicationId").asString(), f);
                }
            }
            facts = m;
        }

        @Override
        public RegistryFact lookup(String applicationId) {
            RegistryFact f = facts.get(applicationId);
            return f != null ? f : registry.lookup(applicationId);
        }
    }

    /** The registry fact a logged decision used ({@code evidence.registry}), or null when it has none. */
    private static RegistryFact loggedFact(JsonNode decision) {
        JsonNode f = decision.path("evidence").path(REGISTRY);
        if (decision.path("applicationId").asString(null) == null || !f.isObject()) {
            return null;
        }
        String status = f.path("status").asString(null);
        return new RegistryFact(f.path("issued").asBoolean(), status == null ? null : RegistryStatus.valueOf(status),
                f.path("rowSha256").asString(null));
    }

    /** Where the installation's registry now says otherwise than the facts the logged decisions used. */
    private List<String> registryToday(Map<String, Map<Integer, JsonNode>> decisions) {
        List<String> out = new ArrayList<>();
        if (registry.size() == 0) {
            out.add("this installation's registry is empty: the logged registry facts were used, and not compared "
                    + "with a registry of today");
            return out;
        }
        decisions.forEach((envelope, pages) -> pages.forEach((page, d) -> {
            RegistryFact then = loggedFact(d);
            if (then == null) {
                return;
            }
            String id = d.path("applicationId").asString();
            RegistryFact now = registry.lookup(id);
            if (now.equals(then)) {
                return;
            }
            String where = envelope + (page == 0 ? "" : " p" + page) + " (ID " + id + "): ";
            if (now.reasons().equals(then.reasons())) {
                out.add(where + "the registry row changed since (" + then.describe() + " then and now); same decision");
            } else {
                out.add(where + "decided with the registry saying " + then.describe() + "; today's registry says "
                        + now.describe() + " and would decide " + codes(now.reasons()) + " instead of "
                        + codes(then.reasons()));
            }
        }));
        return out;
    }

    private static String codes(List<Reason> reasons) {
        return reasons.isEmpty() ? "no registry reason" : reasons.stream().map(r -> r.code().name()).toList().toString();
    }

    /** DUPLICATE_APPLICATION comes from the log: it depends on the rest of the batch and on earlier batches. */
    private static FormRecord withLoggedDuplicate(FormRecord r, JsonNode logged) {
        for (JsonNode reason : logged.path("reasons")) {
            if (ReasonCode.DUPLICATE_APPLICATION.name().equals(reason.path("code").asString())) {
                return r.with(new Reason(ReasonCode.DUPLICATE_APPLICATION, Severity.valueOf(reason.path("severity").asString()),
                        reason.path("message").asString(), reason.path("detail").asString(null)));
            }
        }
        return r;
    }

    private void compareEnvironments(Map<String, JsonNode> logged, List<String> differences) {
        AuditEnvironment.Snapshot now = environment.current();
        JsonNode nowSummary = AuditEnvironment.CANONICAL.valueToTree(now.summary());
        JsonNode nowConfig = AuditEnvironment.CANONICAL.readTree(now.configuration());
        for (JsonNode e : logged.values()) {
            List<String> diffs = new ArrayList<>();
            JsonDiff.diff("", e.path("environment"), nowSummary, diffs);
            if (diffs.isEmpty()) {
                continue;
            }
            diffs.forEach(d -> differences.add("environment: " + d.replace("replayed", "now")));
            List<String> config = new ArrayList<>();
            JsonDiff.diff("", e.path("configuration"), nowConfig, config);
            config.forEach(d -> differences.add("configuration: " + d.replace("replayed", "now")));
        }
    }
}
