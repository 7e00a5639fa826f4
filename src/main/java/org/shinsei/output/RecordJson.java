package org.shinsei.output;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON form of a {@link FormRecord}: the same bytes in H2, results.jsonl and the queue. */
public final class RecordJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private RecordJson() {
    }

    public static String write(FormRecord record) {
        return MAPPER.writeValueAsString(record);
    }

    public static FormRecord read(String json) {
        return MAPPER.readValue(json, FormRecord.class);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
