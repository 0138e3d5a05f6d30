package io.jobdrop.intake.imports;

/**
 * One job file a fire read from its source: recorded as an intake unit of its own, under the claim
 * ({@code import:<name>}, {@code key}), so a fire that is run again (after a crash, on another instance) finds its
 * units recorded and records nothing twice. {@code name} is what reports and job versions name as the source.
 * {@code content} is null for a file larger than the limit, which is judged from its {@code size} alone.
 */
public record ImportUnit(String key, String name, byte[] content, long size) {

    static ImportUnit of(String key, String name, byte[] content) {
        return new ImportUnit(key, name, content, content.length);
    }

    static ImportUnit tooLarge(String key, String name, long size) {
        return new ImportUnit(key, name, null, size);
    }
}
