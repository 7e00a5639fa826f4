package org.shinsei.batch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/** Time spent per stage across the batch, for the closing summary and the benchmark. Thread-safe. */
@Component
public class StageTimings {

    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();

    public void record(String stage, long nanos) {
        LongAdder[] t = totals.computeIfAbsent(stage, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        t[0].add(nanos);
        t[1].increment();
    }

    /** Mean milliseconds per call, by stage name. */
    public Map<String, Double> meanMillis() {
        Map<String, Double> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v[1].sum() == 0 ? 0 : v[0].sum() / 1e6 / v[1].sum()));
        return out;
    }
}
