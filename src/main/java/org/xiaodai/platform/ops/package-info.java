/**
 * Operations: logical backup of the whole database to one zip file (a manifest plus one
 * {@code COPY} file per table, read in a single consistent snapshot) and its restore (schema
 * recreated by Flyway up to the backed-up version, data loaded and checked in one transaction),
 * usable from the command line ({@code --xiaodai.ops.command=backup|restore}) or through
 * {@link org.xiaodai.platform.ops.BackupService}. It needs no PostgreSQL client tools.
 */
package org.xiaodai.platform.ops;
