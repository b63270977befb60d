package org.orgledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LedgerUsersTest {

    @Test
    void configured_passwords_are_used_as_given() {
        List<LedgerUsers.User> users = LedgerUsers.resolve(properties("s3cret", "l00k"), false);

        assertThat(users).containsExactly(new LedgerUsers.User("registrar", "REGISTRAR", "s3cret"),
                new LedgerUsers.User("auditor", "AUDITOR", "l00k"));
    }

    @Test
    void the_embedded_default_falls_back_to_the_user_names() {
        List<LedgerUsers.User> users = LedgerUsers.resolve(properties(null, " "), true);

        assertThat(users).containsExactly(new LedgerUsers.User("registrar", "REGISTRAR", "registrar"),
                new LedgerUsers.User("auditor", "AUDITOR", "auditor"));
    }

    @Test
    void the_embedded_default_falls_back_only_where_a_password_is_missing() {
        List<LedgerUsers.User> users = LedgerUsers.resolve(properties("s3cret", null), true);

        assertThat(users).extracting(LedgerUsers.User::password).containsExactly("s3cret", "auditor");
    }

    @Test
    void anywhere_else_a_missing_password_stops_the_start_naming_the_variable() {
        assertThatThrownBy(() -> LedgerUsers.resolve(properties("s3cret", ""), false))
                .isInstanceOf(LedgerUsers.MissingPasswords.class)
                .hasMessageContaining("ORGLEDGER_AUDITOR_PASSWORD")
                .hasMessageNotContaining("ORGLEDGER_REGISTRAR_PASSWORD");
    }

    private static LedgerSecurityProperties properties(String registrar, String auditor) {
        return new LedgerSecurityProperties(false, registrar, auditor, List.of(), DataSize.ofMegabytes(1));
    }
}
