package org.xiaodai.iam.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.internal.ApiTokens;
import org.xiaodai.iam.internal.Credentials;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;

/** Bearer tokens for machines: issue with username and password, list, revoke; and password change without a session. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

    private final Credentials credentials;
    private final ApiTokens tokens;
    private final Users users;

    AuthApiController(Credentials credentials, ApiTokens tokens, Users users) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.users = users;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 60) String name) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record PasswordChange(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String oldPassword,
                          @NotBlank @Size(max = 128) String newPassword) {
    }

    record NamedToken(@Size(max = 60) String name) {
    }

    @PostMapping("/token")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Exchange username and password for a bearer token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        CurrentUser user = authenticate(request.username(), request.password());
        if (user.passwordChangeRequired()) {
            throw ProblemException.forbidden("password-change-required");
        }
        ApiTokens.IssuedToken issued = TenantWall.asActor(user, () -> tokens.issue(user, request.name()));
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @PostMapping("/password")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change one's own password (also when a change is required)")
    void changePassword(@Valid @RequestBody PasswordChange request) {
        CurrentUser user = authenticate(request.username(), request.oldPassword());
        TenantWall.asActor(user, () -> users.changeOwnPassword(user.userId(), request.oldPassword(), request.newPassword()));
    }

    @PostMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue another token for the calling user")
    TokenResponse issue(@Valid @RequestBody NamedToken request) {
        ApiTokens.IssuedToken issued = tokens.issue(CurrentUsers.require(), request.name());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @GetMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    List<ApiTokens.TokenView> list() {
        return tokens.visibleTo(CurrentUsers.require());
    }

    @DeleteMapping("/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        tokens.revoke(CurrentUsers.require(), id);
    }

    private CurrentUser authenticate(String username, String password) {
        try {
            return credentials.check(username, password);
        } catch (AuthenticationException e) {
            // locked, disabled and unknown answer like a wrong password: no account enumeration
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", List.of());
        }
    }
}
