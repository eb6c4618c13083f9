package org.xiaodai.iam.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * {@code @PreAuthorize} without the expression language where an endpoint only names permissions,
 * as most do: {@code hasAuthority('p')} and {@code hasAnyAuthority('p', 'q')} are decided by
 * looking the names up in the caller's authorities, and {@code hasAuthority('p') or …} is granted
 * at once to a holder of {@code p} (the rest is evaluated only for anyone else). Every other
 * expression, and the rest of such an {@code or}, goes to Spring Security's own
 * {@link PreAuthorizeAuthorizationManager}, which also finds the annotation and its expression the
 * same way (method first, then class). The profile of {@code ./bench/run.sh api} had the evaluation
 * context, expression root and authority set built per call at about a tenth of the API's CPU.
 */
final class PermissionAuthorizationManager implements AuthorizationManager<MethodInvocation>, MethodAuthorizationDeniedHandler {

    /** {@code hasAuthority('a')} or {@code hasAnyAuthority('a', 'b', …)}, names of letters, digits, {@code :_.-}. */
    private static final Pattern PERMISSIONS = Pattern.compile(
            "^has(Any)?Authority\\(\\s*('[\\w:.\\-]+'(?:\\s*,\\s*'[\\w:.\\-]+')*)\\s*\\)");
    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final PreAuthorizeAuthorizationManager expressions;
    private final Map<Target, Rule> rules = new ConcurrentHashMap<>();

    PermissionAuthorizationManager(PreAuthorizeAuthorizationManager expressions) {
        this.expressions = expressions;
    }

    /**
     * What an expression needs.
     *
     * @param anyOf  permissions any one of which grants the call (empty: the expression decides)
     * @param entire whether {@code anyOf} is the entire expression, so that lacking them all denies
     */
    record Rule(List<String> anyOf, boolean entire) {

        static final Rule EXPRESSION = new Rule(List.of(), false);

        static Rule of(@Nullable String expression) {
            if (expression == null) {
                return EXPRESSION;
            }
            String text = expression.strip();
            Matcher m = PERMISSIONS.matcher(text);
            if (!m.find()) {
                return EXPRESSION;
            }
            List<String> names = Arrays.stream(m.group(2).split(",")).map(n -> n.strip().replace("'", "")).toList();
            if (m.group(1) == null && names.size() != 1) {
                return EXPRESSION;
            }
            String rest = text.substring(m.end());
            if (rest.isBlank()) {
                return new Rule(names, true);
            }
            // "or" binds loosest in SpEL: "p or anything" is granted by p alone
            return rest.matches("(?s)^\\s+or\\s+\\S.*") ? new Rule(names, false) : EXPRESSION;
        }
    }

    private record Target(Method method, Class<?> type) {
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation invocation) {
        Class<?> type = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                : AopUtils.getTargetClass(invocation.getThis());
        Rule rule = rules.computeIfAbsent(new Target(invocation.getMethod(), type), t -> Rule.of(expressionOf(t)));
        if (!rule.anyOf().isEmpty()) {
            if (holdsAny(authentication.get(), rule.anyOf())) {
                return GRANTED;
            }
            if (rule.entire()) {
                return DENIED;
            }
        }
        return expressions.authorize(authentication, invocation);
    }

    private static @Nullable String expressionOf(Target target) {
        Method method = AopUtils.getMostSpecificMethod(target.method(), target.type());
        PreAuthorize declared = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(target.type(), PreAuthorize.class);
        }
        return declared == null ? null : declared.value();
    }

    private static boolean holdsAny(@Nullable Authentication authentication, List<String> permissions) {
        if (authentication == null) {
            return false;
        }
        for (GrantedAuthority held : authentication.getAuthorities()) {
            if (permissions.contains(held.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public @Nullable Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        return expressions.handleDeniedInvocation(invocation, result);
    }
}
