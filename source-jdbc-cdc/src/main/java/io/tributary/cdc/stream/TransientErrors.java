package io.tributary.cdc.stream;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Which failures a reconnection may cure: a lost connection (SQLSTATE class 08), a server shutting down, restarting or
 * not yet accepting connections (57P01-57P03), or a slot still held by the walsender of a connection just lost
 * (55006). Anything else (a missing slot, revoked permissions, an undecodable message) fails the task.
 */
final class TransientErrors {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "55006");

    private TransientErrors() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
