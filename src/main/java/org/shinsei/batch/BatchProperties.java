package org.shinsei.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's own settings.
 *
 * @param chunkSize      envelopes per transaction in analyze (a crash loses at most this much work, never a record)
 * @param progressEvery  a progress line every this many envelopes
 * @param workers        threads analysing envelopes in parallel; 0 = one per core
 */
@ConfigurationProperties("shinsei.batch")
public record BatchProperties(@DefaultValue("8") int chunkSize, @DefaultValue("50") int progressEvery,
                              @DefaultValue("0") int workers) {

    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
