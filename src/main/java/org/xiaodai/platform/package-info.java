/**
 * Platform: the technical frame every business module plugs into — the embedded PostgreSQL,
 * the web shell (layout, navigation, language switch), operations (backup and restore).
 * It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.xiaodai.platform;
