package org.xiaodai.platform.ops;

/**
 * A backup or restore that could not be done: an unreadable or tampered file, a schema version
 * this code does not know, or a non-empty database without {@code force}. When a restore throws
 * this, the database is as it was before.
 */
public class BackupException extends RuntimeException {

    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
