/**
 * Approval (审批): the authority matrix as versioned data (by product, branch, amount and score
 * band: auto-decline, auto-approve or a route of levels — 初审 only, 初审 + 终审, 初审 then a committee
 * with N-of-M votes), work queues per branch with claim and release, SLAs with escalation, and the
 * decisions trail. The maker of an application never decides it, and nobody decides above the
 * permission of the level ({@code loan:approve:l1}, {@code loan:approve:l2}, {@code loan:approve:committee}).
 * <p>
 * Built plainly, without a workflow engine: the routes are three fixed shapes chosen by data, a case
 * is a handful of rows, and an embedded engine (Flowable) would add its own tables, start time and
 * memory for nothing the issue asks (docs/origination.md, "Why no workflow engine").
 * <p>
 * Origination asks for a decision by publishing {@link org.xiaodai.approval.ApprovalRequested}; approval
 * answers with {@link org.xiaodai.approval.ApprovalDecided} (synchronously for automatic decisions, in the
 * deciding reviewer's transaction otherwise). {@link org.xiaodai.approval.Approvals} reads the trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval",
        allowedDependencies = {"iam", "audit", "shared", "platform::web"})
package org.xiaodai.approval;
