package org.xiaodai.iam.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.xiaodai.shared.problem.ProblemResponse;
import org.xiaodai.shared.tenant.TenantWall;

/** Bearer tokens for machines: issue with username and password, list, revoke; and password change without a session. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Bearer tokens for machines (issue, list, revoke) and changing one's own password.")
class AuthApiController {

    private final Credentials credentials;
    private final ApiTokens tokens;
    private final Users users;

    AuthApiController(Credentials credentials, ApiTokens tokens, Users users) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.users = users;
    }

    @Schema(description = "Username and password, exchanged for a bearer token.")
    record TokenRequest(@Schema(example = "a-admin") @NotBlank @Size(max = 64) String username,
                        @Schema(format = "password", example = "Demo@2026xd") @NotBlank @Size(max = 128) String password,
                        @Schema(description = "A label for the token; `api` when left out.", example = "partner-sync")
                        @Size(max = 60) String name) {
    }

    @Schema(description = "A new bearer token: the only time its secret is shown.")
    record TokenResponse(@Schema(description = "Send as `Authorization: Bearer <token>`.", example = "xd_q5cX0b3f9Yt7…")
                         String token,
                         Instant expiresAt) {
    }

    @Schema(description = "A password change, authenticated by the current password.")
    record PasswordChange(@Schema(example = "a-officer") @NotBlank @Size(max = 64) String username,
                          @Schema(format = "password") @NotBlank @Size(max = 128) String oldPassword,
                          @Schema(format = "password", description = "At least 10 characters of three kinds, without the username.")
                          @NotBlank @Size(max = 128) String newPassword) {
    }

    @Schema(description = "The label of an additional token.")
    record NamedToken(@Schema(description = "A label for the token; `api` when left out.", example = "nightly-report")
                      @Size(max = 60) String name) {
    }

    @Operation(operationId = "issueToken", summary = "Exchange username and password for a bearer token",
            description = "Unknown users, wrong passwords, locked and disabled accounts all answer the same 401.")
    @ProblemResponse(status = 401, description = "Wrong username or password (`bad-credentials`).")
    @ProblemResponse(status = 403, description = "The password must be changed first (`password-change-required`).")
    @ProblemResponse(status = 429, description = "Too many attempts from this client address (`too-many-attempts`).")
    @PostMapping("/token")
    @PreAuthorize("permitAll()")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        CurrentUser user = authenticate(request.username(), request.password());
        if (user.passwordChangeRequired()) {
            throw ProblemException.forbidden("password-change-required");
        }
        ApiTokens.IssuedToken issued = TenantWall.asActor(user, () -> tokens.issue(user, request.name()));
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @Operation(operationId = "changePassword", summary = "Change one's own password (also when a change is required)",
            description = "Needs no token: the current password authenticates the change. A new password that breaks "
                    + "the policy is invalid input on `newPassword`.")
    @ProblemResponse(status = 401, description = "Wrong username or current password (`bad-credentials`).")
    @ProblemResponse(status = 429, description = "Too many attempts from this client address (`too-many-attempts`).")
    @PostMapping("/password")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange request) {
        CurrentUser user = authenticate(request.username(), request.oldPassword());
        TenantWall.asActor(user, () -> users.changeOwnPassword(user.userId(), request.oldPassword(), request.newPassword()));
    }

    @Operation(operationId = "issueAdditionalToken", summary = "Issue another token for the calling user")
    @PostMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody NamedToken request) {
        ApiTokens.IssuedToken issued = tokens.issue(CurrentUsers.require(), request.name());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @Operation(operationId = "listTokens", summary = "The caller's tokens, newest first, without their secrets",
            description = "With `iam:token:manage` also the tokens of every user in the caller's scope; at most 200.")
    @GetMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    List<ApiTokens.TokenView> list() {
        return tokens.visibleTo(CurrentUsers.require());
    }

    @Operation(operationId = "revokeToken", summary = "Revoke a token at once")
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
