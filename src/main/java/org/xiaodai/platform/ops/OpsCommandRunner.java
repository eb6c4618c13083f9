package org.xiaodai.platform.ops;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.ops.OperationsCommand;

/**
 * Runs the operations command named by {@code xiaodai.ops.command} once the context is up, then
 * (unless {@code xiaodai.ops.exit=false}) closes the context — which stops an embedded PostgreSQL
 * cleanly — and exits with status 0 on success, 1 on failure. Runs before any other runner so no
 * start-up job touches the data first. Without a command it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpsCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(OpsCommandRunner.class);

    private final OpsProperties properties;
    private final BackupService backups;
    private final ConfigurableApplicationContext context;
    private final List<OperationsCommand> moduleCommands;
    private int exitCode;

    OpsCommandRunner(OpsProperties properties, BackupService backups, ConfigurableApplicationContext context,
                     List<OperationsCommand> moduleCommands) {
        this.properties = properties;
        this.backups = backups;
        this.context = context;
        this.moduleCommands = moduleCommands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.command() == null || properties.command().isBlank()) {
            return;
        }
        exitCode = execute();
        if (properties.exit()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    private int execute() {
        String name = properties.command().toLowerCase(Locale.ROOT);
        for (OperationsCommand command : moduleCommands) {
            if (command.name().equals(name)) {
                return executeModuleCommand(command);
            }
        }
        if (properties.file() == null) {
            log.error("xiaodai.ops.file is required for xiaodai.ops.command={}", properties.command());
            return 1;
        }
        try {
            BackupResult result = switch (properties.command().toLowerCase(Locale.ROOT)) {
                case "backup" -> backups.backup(properties.file());
                case "restore" -> backups.restore(properties.file(), properties.force());
                default -> throw new BackupException("Unknown xiaodai.ops.command: " + properties.command()
                        + " (expected backup, restore or a module's command)");
            };
            log.info("{} done: file={} schemaVersion={} createdAt={} tables={} rows={} rowsPerTable={}",
                    properties.command(), result.file(), result.schemaVersion(), result.createdAt(),
                    result.rowsPerTable().size(), result.totalRows(), result.rowsPerTable());
            return 0;
        } catch (RuntimeException e) {
            log.error("{} failed: {}", properties.command(), e.getMessage(), e);
            return 1;
        }
    }

    /** A command another module contributes ({@link OperationsCommand}), e.g. {@code reencrypt-pii}. */
    private static int executeModuleCommand(OperationsCommand command) {
        try {
            log.info("{} done: {}", command.name(), command.run());
            return 0;
        } catch (RuntimeException e) {
            log.error("{} failed: {}", command.name(), e.getMessage(), e);
            return 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
