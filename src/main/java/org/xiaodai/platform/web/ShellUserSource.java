package org.xiaodai.platform.web;

import java.util.Optional;

/**
 * Who is signed in, as the web shell needs it. Provided by identity and access, so that the shell
 * itself depends on no business module.
 */
@FunctionalInterface
public interface ShellUserSource {

    /** The caller of the running request, or empty when nobody is signed in. */
    Optional<ShellUser> current();
}
