/**
 * The embedded PostgreSQL used when no external database is configured: unpacking the binaries,
 * first-time initialisation, stale-postmaster recovery and clean shutdown.
 */
package org.xiaodai.platform.db;
