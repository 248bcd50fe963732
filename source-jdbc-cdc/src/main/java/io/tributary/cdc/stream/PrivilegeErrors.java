package io.tributary.cdc.stream;

import java.sql.SQLException;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Turns the server's refusal of a privilege (revoked REPLICATION, SELECT or LOGIN, SQLSTATE 42501 and class 28) into
 * a message that says which role and what it needs; every other failure is returned as it is.
 */
final class PrivilegeErrors {

    private static final Set<String> STATES = Set.of("42501", "28000");

    private PrivilegeErrors() {
    }

    static Throwable explain(Throwable failure, String role) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return new ConnectException("PostgreSQL refused role '" + role + "' a privilege the connector needs: "
                        + sql.getMessage().trim() + ". The role needs LOGIN and REPLICATION, USAGE on the captured "
                        + "schemas and SELECT on the captured tables (see database.user); grant them again, then "
                        + "restart the task.", failure);
            }
        }
        return failure;
    }
}
