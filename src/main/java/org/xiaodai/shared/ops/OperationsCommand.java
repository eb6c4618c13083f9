package org.xiaodai.shared.ops;

/**
 * A one-shot operations command a module contributes (as a bean), run by the platform's command
 * runner when {@code xiaodai.ops.command} names it, e.g. {@code reencrypt-pii}. The platform does
 * backup and restore itself; modules add theirs without editing the runner.
 */
public interface OperationsCommand {

    /** The name given as {@code --xiaodai.ops.command=<name>}, lower case. */
    String name();

    /**
     * Does the work; a {@link RuntimeException} makes the command fail (exit status 1).
     *
     * @return one line for the log saying what was done (no personal data)
     */
    String run();
}
