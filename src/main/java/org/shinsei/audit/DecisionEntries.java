package org.shinsei.audit;

import org.shinsei.decision.Reason;
import org.shinsei.output.FormRecord;
import org.shinsei.output.RecordJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision entry of the audit log for one record, and the part of it that replay compares. The batch job
 * and replay both build entries here, so that what is logged and what is recomputed go through the same code.
 */
public final class DecisionEntries {

    private DecisionEntries() {
    }

    /**
     * The decision: envelope hash and page, outcome and reasons, every field value and measurement of the record,
     * the evidence behind them (unrounded), and the environment it was decided in (without the configuration text,
     * which is in the environment entry; its hash is here).
     */
    public static ObjectNode decision(FormRecord r, String evidenceJson, JsonNode environmentSummary) {
        ObjectNode e = AuditChain.MAPPER.createObjectNode();
        e.put("type", "decision");
        e.put("batch", r.batch());
        e.put("envelope", r.envelope());
        e.put("envelopeSha256", r.envelopeSha256());
        if (r.page() == null) {
            e.putNull("page");
        } else {
            e.put("page", r.page());
        }
        e.put("outcome", r.outcome().name());
        e.put("applicationId", r.applicationId());
        e.put("idSource", r.idSource());
        ArrayNode reasons = e.putArray("reasons");
        for (Reason reason : r.reasons()) {
            ObjectNode o = reasons.addObject();
            o.put("code", reason.code().name());
            o.put("severity", reason.severity().name());
            o.put("message", reason.message());
            o.put("detail", reason.detail());
        }
        JsonNode record = AuditChain.MAPPER.readTree(RecordJson.write(r));
        e.set("fields", record.get("fields"));
        e.set("photo", record.get("photo"));
        e.set("registration", record.has("registration") ? record.get("registration") : null);
        e.set("evidence", evidenceJson == null ? AuditChain.MAPPER.createObjectNode() : AuditChain.MAPPER.readTree(evidenceJson));
        e.set("environment", environmentSummary);
        return e;
    }

    /**
     * What replay must reproduce of a decision entry: outcome, application ID and its source, the reason codes
     * with their severities (their details are text made from the measurements, which are compared themselves),
     * the fields, the photo and registration measurements, and the evidence.
     */
    public static ObjectNode comparable(JsonNode decision) {
        ObjectNode c = AuditChain.MAPPER.createObjectNode();
        c.set("outcome", decision.get("outcome"));
        c.set("applicationId", decision.get("applicationId"));
        c.set("idSource", decision.get("idSource"));
        ArrayNode codes = c.putArray("reasons");
        for (JsonNode reason : decision.path("reasons")) {
            codes.add(reason.path("code").asString() + "/" + reason.path("severity").asString());
        }
        c.set("fields", decision.get("fields"));
        c.set("photo", decision.get("photo"));
        c.set("registration", decision.get("registration"));
        c.set("evidence", decision.get("evidence"));
        return c;
    }

    /** The environment summary of a stored environment (its JSON without the configuration text). */
    public static ObjectNode environmentSummary(String environmentJson) {
        ObjectNode env = (ObjectNode) AuditChain.MAPPER.readTree(environmentJson);
        env.remove("configuration");
        return env;
    }
}
