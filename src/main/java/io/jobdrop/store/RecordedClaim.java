package io.jobdrop.store;

/**
 * What the ledger holds for one claimed intake unit: its disposition, the jobs it recorded ({@code jobs}, the JSON
 * array {@code [{id,namespace,name,version,change}]}, null for a rejected unit) and the errors of a rejected one
 * ({@code report}, the JSON array {@code [{message,path,line,column}]}). A source that writes the verdict back to
 * where the unit came from (a table row) writes exactly this, however often it has to try.
 */
public record RecordedClaim(String claimKey, Disposition disposition, String jobs, String report) {

    public boolean rejected() {
        return disposition == Disposition.ERROR;
    }
}
