package io.jobdrop.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One bucket jobdrop takes job files from, and where they go once recorded. Prefixes are folders: they are empty
 * (the whole bucket) or end in {@code /}, which is added when missing, so {@code inbox} never matches {@code inbox2/}.
 * A key keeps its path below the intake prefix when it moves: {@code inbox/team-a/x.yaml} becomes
 * {@code done/team-a/x.yaml}.
 *
 * @param deleteDone accepted objects are deleted instead of moved to {@code donePrefix}; rejected ones always move
 */
public record BucketSettings(String bucket, String prefix, String donePrefix, String errorPrefix, boolean deleteDone,
                             int maxPerPoll) {

    private static final List<String> JOB_SUFFIXES = List.of(".yaml", ".yml", ".json");

    public BucketSettings {
        if (bucket == null || bucket.isBlank() || bucket.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("jobdrop.s3.bucket: '" + bucket + "' is not a bucket name");
        }
        prefix = folder(prefix);
        donePrefix = folder(donePrefix);
        errorPrefix = folder(errorPrefix);
        if (donePrefix.isEmpty() || errorPrefix.isEmpty()) {
            throw new IllegalArgumentException("jobdrop.s3.done-prefix and jobdrop.s3.error-prefix must not be empty:"
                    + " processed objects would stay where jobdrop looks for new ones");
        }
        if (donePrefix.equals(errorPrefix)) {
            throw new IllegalArgumentException("jobdrop.s3.done-prefix and jobdrop.s3.error-prefix must differ,"
                    + " both are '" + donePrefix + "'");
        }
        for (String out : List.of(donePrefix, errorPrefix)) {
            if (prefix.startsWith(out)) {
                throw new IllegalArgumentException("the intake prefix '" + prefix + "' of bucket " + bucket
                        + " lies under '" + out + "', where processed objects go: nothing would ever be taken");
            }
        }
        if (maxPerPoll < 1) {
            throw new IllegalArgumentException("jobdrop.s3.max-per-poll must be at least 1, not " + maxPerPoll);
        }
    }

    /**
     * The buckets of {@code jobdrop.s3.bucket}: comma-separated entries, each {@code bucket} (taking from
     * {@code defaultPrefix}) or {@code bucket/prefix/} (its own prefix; {@code bucket/} takes from the whole bucket).
     * Empty when no bucket is configured.
     *
     * @param after {@code move} or {@code delete}
     */
    public static List<BucketSettings> parse(String buckets, String defaultPrefix, String donePrefix,
                                             String errorPrefix, String after, int maxPerPoll) {
        boolean deleteDone = switch (after.trim().toLowerCase(Locale.ROOT)) {
            case "move" -> false;
            case "delete" -> true;
            default -> throw new IllegalArgumentException(
                    "jobdrop.s3.after must be 'move' or 'delete', not '" + after + "'");
        };
        List<BucketSettings> parsed = new ArrayList<>();
        for (String entry : buckets.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            String bucket = slash < 0 ? e : e.substring(0, slash);
            String prefix = slash < 0 ? defaultPrefix : e.substring(slash + 1);
            BucketSettings settings =
                    new BucketSettings(bucket, prefix, donePrefix, errorPrefix, deleteDone, maxPerPoll);
            for (BucketSettings other : parsed) {
                if (other.overlaps(settings)) {
                    throw new IllegalArgumentException("jobdrop.s3.bucket: " + other.location() + " and "
                            + settings.location() + " overlap; the prefixes of one bucket must not contain each other");
                }
            }
            parsed.add(settings);
        }
        return List.copyOf(parsed);
    }

    /** The ledger's name for where claims come from: {@code s3://bucket}. */
    public String source() {
        return "s3://" + bucket;
    }

    /** Where jobdrop looks, for people: {@code s3://bucket/inbox/}. */
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** An object as people see it: {@code s3://bucket/inbox/x.yaml}. */
    public String display(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /**
     * Whether a listed key is a job file to take: below the intake prefix, named *.yaml, *.yml or *.json (any case),
     * and not already in the done or error folder (which lie below the intake prefix when that is the whole bucket).
     */
    public boolean takes(String key) {
        if (!key.startsWith(prefix) || key.startsWith(donePrefix) || key.startsWith(errorPrefix)) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return JOB_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    public String doneKey(String key) {
        return donePrefix + below(key);
    }

    public String errorKey(String key) {
        return errorPrefix + below(key);
    }

    public String reportKey(String key) {
        return errorKey(key) + ".error.json";
    }

    private String below(String key) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private boolean overlaps(BucketSettings other) {
        return bucket.equals(other.bucket) && (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix));
    }

    private static String folder(String prefix) {
        String p = prefix == null ? "" : prefix.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }
}
