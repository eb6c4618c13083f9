/**
 * Logging support: the personal-data scrubber applied to the structured JSON logs, so that no ID,
 * card or mobile number and no password is ever written to a log (DOMAIN.md §8).
 */
package org.xiaodai.platform.logging;
