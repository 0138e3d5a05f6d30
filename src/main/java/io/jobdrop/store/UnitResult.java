package io.jobdrop.store;

/**
 * The composed result of an intake unit, to be written beside its file: {@code placedAs} is where the file was filed,
 * relative to the inbox ({@code .done/x.yaml}); {@code json} is the result itself. {@code superseded}: a bucket
 * object's result whose object has since been replaced by a newer version the ledger accepted; it is not written.
 */
public record UnitResult(String source, String key, String name, String placedAs, String json, boolean superseded) {
}
