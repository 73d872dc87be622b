package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * No default credential outside the demo (#9): a start without the demo refuses demo passwords, takes its first
 * operator from a secret, or prints a one-time setup token that works once. Its own database (no operator yet).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:first-operator-${random.uuid};DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class FirstOperatorTest {

    @Autowired
    AppUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SignIn signIn;

    @Test
    void withoutASecretAOneTimeSetupTokenCreatesTheFirstOperatorOnce(CapturedOutput log) {
        jdbc.sql("delete from app_user where role = 'OPERATOR'").update();
        FirstOperator first = firstOperator(new MockEnvironment(), null);
        assertThat(jdbc.sql("select count(*) from app_user where role = 'OPERATOR'").query(Long.class).single()).isZero();
        first.run(new DefaultApplicationArguments());
        Matcher printed = Pattern.compile("Setup-Token: ([A-Za-z0-9_-]+)").matcher(log.getOut());
        String token = null;
        while (printed.find()) {
            token = printed.group(1); // the last one printed is this instance's
        }
        assertThat(token).as("the setup token is printed").isNotNull();

        assertThat(first.createWithSetupToken("wrong-token", "alice", "a-long-operator-password")).isFalse();
        assertThat(first.createWithSetupToken(token, "alice", "a-long-operator-password")).isTrue();
        assertThat(first.createWithSetupToken(token, "mallory", "a-long-operator-password")).as("used once").isFalse();
        assertThat(signIn.verify("alice", "a-long-operator-password", "127.0.0.1").role()).isEqualTo(Role.OPERATOR);
        assertThat(users.exists("mallory")).isFalse();
    }

    @Test
    void refusesToStartWithCamundasDemoAdminOrAUserWithTheDemoPassword() {
        MockEnvironment camundaDemo = new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "admin");
        assertThatThrownBy(() -> firstOperator(camundaDemo, null).run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("camunda.bpm.admin-user.password");

        users.create("leftover-ops", "demo", Role.OPERATOR, null, null);
        try {
            assertThatThrownBy(() -> firstOperator(new MockEnvironment(), null).run(new DefaultApplicationArguments()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'leftover-ops' still has the demo password");
        } finally {
            jdbc.sql("delete from app_user where username = 'leftover-ops'").update();
        }
    }

    @Test
    void theFirstOperatorComesFromASecretAndMayNotBeTheDemoPassword() {
        jdbc.sql("delete from app_user where role = 'OPERATOR'").update();
        assertThatThrownBy(() -> firstOperator(new MockEnvironment(), "demo").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class);
        jdbc.sql("delete from app_user where role = 'OPERATOR'").update();
        firstOperator(new MockEnvironment(), "operator-secret-from-env").run(new DefaultApplicationArguments());
        assertThat(signIn.verify("first-ops", "operator-secret-from-env", "127.0.0.1").role()).isEqualTo(Role.OPERATOR);
        jdbc.sql("delete from app_user where role = 'OPERATOR'").update();
    }

    private FirstOperator firstOperator(MockEnvironment environment, String password) {
        IdentityProperties properties = new IdentityProperties(null, null, null,
                new IdentityProperties.FirstOperator("first-ops", password, null));
        return new FirstOperator(users, jdbc, passwords, properties, environment, false, "demo");
    }
}
