/**
 * How modules contribute their permissions, built-in role grants and regulator-writable paths
 * ({@link org.xiaodai.shared.access.AccessContributor}); identity and access enforces them.
 */
package org.xiaodai.shared.access;
