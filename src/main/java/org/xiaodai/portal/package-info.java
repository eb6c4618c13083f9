/**
 * The borrower portal (借款人自助): borrowers register with their mobile and a one-time code, sign in,
 * give the separate consents (DOMAIN.md §8), apply online with the schedule and annualised rate shown
 * first, upload documents, follow their applications, read and accept their contract, see their
 * loans, schedules, statements and what is due, repay or prepay through the payment channel, and
 * file complaints that reach the regulator. Phone-width pages under {@code /portal}, installable as
 * a web app, and the API under {@code /api/v1/portal}.
 * <p>
 * A borrower is a principal of its own kind ({@code BorrowerPrincipal}), never a staff user: it
 * reaches only the portal's paths, and every read and write runs inside the tenant wall of one
 * institution where the borrower is a customer, narrowed to that customer record. Other modules
 * are used through their borrower-facing facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Borrower portal",
        allowedDependencies = {"customer", "origination", "contract", "servicing", "supervision", "notification", "product",
                "calc", "iam", "audit", "shared", "platform::web"})
package org.xiaodai.portal;
