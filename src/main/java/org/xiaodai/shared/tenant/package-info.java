/**
 * The tenant wall: the per-transaction setting PostgreSQL's row-level security reads
 * ({@link org.xiaodai.shared.tenant.TenantWall}).
 */
package org.xiaodai.shared.tenant;
