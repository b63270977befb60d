package org.orgledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counting);
    private final String stored = passwords.encode("registrar-secret");

    @Test
    void a_password_that_matched_once_is_answered_again_without_the_slow_check() {
        assertThat(passwords.matches("registrar-secret", stored)).isTrue();
        assertThat(passwords.matches("registrar-secret", stored)).isTrue();
        assertThat(passwords.matches("registrar-secret", stored)).isTrue();

        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_checked_by_the_slow_check_every_time_and_refused() {
        assertThat(passwords.matches("registrar-secret", stored)).isTrue();

        assertThat(passwords.matches("registrar-secreT", stored)).isFalse();
        assertThat(passwords.matches("registrar-secreT", stored)).isFalse();
        assertThat(passwords.matches("", stored)).isFalse();

        assertThat(slowChecks).hasValue(4);
    }

    @Test
    void a_remembered_password_does_not_open_another_stored_hash() {
        String other = passwords.encode("auditor-secret");
        assertThat(passwords.matches("registrar-secret", stored)).isTrue();

        assertThat(passwords.matches("registrar-secret", other)).isFalse();
    }
}
