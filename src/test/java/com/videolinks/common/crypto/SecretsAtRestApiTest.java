package com.videolinks.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/** S3: custom-link passwords are encrypted in the database and still reach those allowed to see them (#4). */
@SpringBootTest
@AutoConfigureMockMvc
class SecretsAtRestApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void s3_linkPasswordsAreStoredEncryptedAndShownDecryptedToTheBusiness() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", """
                {"url": "https://meet.example.com/extra", "password": "session-secret"}
                """).andExpect(status().isOk());
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", """
                {"url": "https://meet.example.com/course", "password": "course-secret"}
                """).andExpect(status().isOk());

        String account = jdbc.sql("select a.link_password from conferencing_account a join site s on s.default_account_id = a.id where s.id = :id")
                .param("id", studio.siteId).query(String.class).single();
        String session = jdbc.sql("select manual_link_password from session where id = :id")
                .param("id", studio.classSessionId).query(String.class).single();
        String course = jdbc.sql("select course_link_password from service where id = :id")
                .param("id", studio.courseId).query(String.class).single();
        assertThat(account).startsWith("enc:v1:").doesNotContain("pw1");
        assertThat(session).startsWith("enc:v1:").doesNotContain("session-secret");
        assertThat(course).startsWith("enc:v1:").doesNotContain("course-secret");

        studio.ownerApi.get(studio.link(studio.oneOnOneSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.link.password").value("pw1"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.link.password").value("session-secret"));
        studio.ownerApi.get(studio.link(studio.courseFutureSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.link.password").value("course-secret"));
    }
}
