package io.jobdrop.store;

/**
 * The composed result of an intake unit, to be written beside its file: {@code placedAs} is where the file was filed,
 * relative to the inbox ({@code .done/x.yaml}); {@code json} is the result itself.
 */
public record UnitResult(String source, String key, String name, String placedAs, String json) {
}
