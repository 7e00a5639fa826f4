package org.shinsei.support;

import java.util.regex.Pattern;

/** Names given on the command line that become path segments under the output folder. */
public final class SafeNames {

    /** Letters, digits, '.', '_' and '-', not starting with '.', at most 64: cannot leave {@code <out>/}. */
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private SafeNames() {
    }

    /** Whether {@code batchId} is a safe single folder name ({@code <out>/<batch-id>/}). */
    public static boolean isBatchId(String batchId) {
        return batchId != null && BATCH_ID.matcher(batchId).matches();
    }
}
