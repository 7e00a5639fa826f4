package org.shinsei.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's own settings.
 *
 * @param chunkSize      envelopes per transaction in analyze (a crash loses at most this much work, never a record);
 *                       0 = {@value #CHUNK_PER_WORKER} per worker: the workers of a chunk wait for its slowest envelope
 *                       before it commits, so a longer chunk keeps them busier (2 workers: 94 % busy at 8, 97 % at 24)
 * @param progressEvery  a progress line every this many envelopes
 * @param workers        threads analysing envelopes in parallel; 0 = one per core
 */
@ConfigurationProperties("shinsei.batch")
public record BatchProperties(@DefaultValue("0") int chunkSize, @DefaultValue("50") int progressEvery,
                              @DefaultValue("0") int workers) {

    static final int CHUNK_PER_WORKER = 12;

    /** Envelopes per chunk: the configured size, at least one per worker, or {@value #CHUNK_PER_WORKER} per worker. */
    public int effectiveChunkSize() {
        return chunkSize > 0 ? Math.max(chunkSize, effectiveWorkers()) : CHUNK_PER_WORKER * effectiveWorkers();
    }

    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
