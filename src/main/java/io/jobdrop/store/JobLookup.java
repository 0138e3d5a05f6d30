package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a job the way people name it on the command line: by ID, or by Name in whatever namespace holds it. */
final class JobLookup {

    private JobLookup() {
    }

    /** The job's ID; throws IllegalArgumentException naming the namespaces when the Name is used in several. */
    static Optional<String> resolve(Connection c, String idOrName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM jobs WHERE id = ?")) {
            s.setString(1, idOrName);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return Optional.of(r.getString(1));
                }
            }
        }
        List<String> matches = new ArrayList<>();
        String id = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, namespace FROM jobs WHERE name = ? ORDER BY namespace")) {
            s.setString(1, idOrName);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    id = r.getString("id");
                    matches.add("namespace '" + r.getString("namespace") + "' (" + id + ")");
                }
            }
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("job name '" + idOrName + "' is used in " + matches.size()
                    + " namespaces: " + String.join(", ", matches) + "; give the job ID instead");
        }
        return Optional.ofNullable(id);
    }
}
