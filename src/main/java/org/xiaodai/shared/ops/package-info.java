/** Operations commands that modules contribute to the platform's command runner. */
package org.xiaodai.shared.ops;
