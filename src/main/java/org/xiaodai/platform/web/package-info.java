/**
 * The web shell (界面框架): one Thymeleaf layout with header, navigation and footer; the
 * navigation registry and home-page tiles that modules contribute to
 * ({@link org.xiaodai.platform.web.NavigationContributor},
 * {@link org.xiaodai.platform.web.HomeTileContributor}); the login page, the home page, the
 * language switch and the localised error pages; and {@link org.xiaodai.platform.web.PageProblems},
 * which turns a {@link org.xiaodai.shared.problem.ProblemException} into messages beside form fields.
 * It also holds the OpenAPI description ({@code OpenApiConfiguration}) and the conventions every
 * API operation of every module gets from it: operationId, permission and scope, problem responses
 * ({@code docs/api-versioning.md}).
 * <p>
 * Exposed as a named interface so business modules can plug their pages in without the shell
 * knowing them: the shell depends on no business module; it learns who the caller is through a
 * {@link org.xiaodai.platform.web.ShellUserSource} that identity and access provides.
 */
@org.springframework.modulith.NamedInterface("web")
package org.xiaodai.platform.web;
