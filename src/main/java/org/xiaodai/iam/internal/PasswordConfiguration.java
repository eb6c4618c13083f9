package org.xiaodai.iam.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id (Bouncy Castle, Spring Security's 5.8 defaults: 16 MiB, 2 passes) for
 * every new hash, with no length limit that could fail a long password. Hashes carry their
 * algorithm id, so the BCrypt hashes of earlier versions still verify and are re-hashed with
 * Argon2id at the user's next successful login ({@link Authenticator}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
