package org.xiaodai.platform.ops;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A one-shot operations command given on the command line, e.g.
 * {@code --xiaodai.ops.command=backup --xiaodai.ops.file=backups/x.zip}.
 *
 * @param command {@code backup} or {@code restore}; unset (the normal case) runs the application
 * @param file    the backup file to write or read
 * @param force   let {@code restore} replace a database that holds data
 * @param exit    exit the JVM with status 0/1 when the command is done (tests turn this off)
 */
@ConfigurationProperties("xiaodai.ops")
public record OpsProperties(String command, Path file, boolean force, @DefaultValue("true") boolean exit) {
}
