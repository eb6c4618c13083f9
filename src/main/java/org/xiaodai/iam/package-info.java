/**
 * Identity and access (身份与权限): the platform operator, the regulator and the lending
 * institutions (tenants) with their branch trees; users, built-in and custom roles, fine-grained
 * permissions and data scope; form login, API bearer tokens, password policy and lockout; and the
 * maker-checker mechanism through which a change waits for a second user's approval.
 * <p>
 * Other modules use {@link org.xiaodai.iam.CurrentUser} and {@link org.xiaodai.iam.DataScope} to
 * scope every read, {@link org.xiaodai.iam.Permission} names in their security rules, and
 * {@link org.xiaodai.iam.ChangeRequests} to put their own changes under maker-checker control.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access",
        allowedDependencies = {"audit", "shared", "platform::web"})
package org.xiaodai.iam;
