package org.shinsei.output;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code publish} delivers the records (defaults in {@code config/output.yml}).
 *
 * @param commitEvery   records sent, then marked published in H2, per transaction. A crash re-sends at most this
 *                      many records, which the broker drops as duplicates: its duplicate-id cache
 *                      ({@code id-cache-size}, per queue) must hold at least this many ids
 * @param progressEvery a progress line every this many records sent
 * @param retry         a send that fails (broker down, connection lost) is tried again with back-off; when the
 *                      attempts are used up the job fails cleanly and a rerun resumes where it stopped
 */
@ConfigurationProperties("shinsei.publish")
public record PublishProperties(@DefaultValue("100") int commitEvery, @DefaultValue("1000") int progressEvery,
                                @DefaultValue Retry retry) {

    /**
     * @param attempts   sends in all, the first one included (1 = no retry)
     * @param delay      the wait before the first retry
     * @param multiplier each further wait is this many times the one before
     * @param maxDelay   no wait is longer than this
     */
    public record Retry(@DefaultValue("6") int attempts, @DefaultValue("1s") Duration delay,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxDelay) {
    }

    /** A crash re-sends up to commit-every records; the broker must still remember all their ids. */
    public static final int MAX_COMMIT_EVERY = 10_000;

    public PublishProperties {
        if (commitEvery < 1 || progressEvery < 1 || retry.attempts() < 1) {
            throw new IllegalArgumentException("shinsei.publish: commit-every, progress-every and retry.attempts must be >= 1");
        }
        if (commitEvery > MAX_COMMIT_EVERY) {
            throw new IllegalArgumentException("shinsei.publish.commit-every must stay well below the broker's duplicate-id "
                    + "cache (Artemis id-cache-size, default 20000): at most " + MAX_COMMIT_EVERY);
        }
    }
}
