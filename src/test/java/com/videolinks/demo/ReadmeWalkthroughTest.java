package com.videolinks.demo;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The README walk-through, command for command, against the demo data: if this fails, the README is lying.
 * Keep the two in step.
 */
@SpringBootTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class ReadmeWalkthroughTest {

    @Autowired
    MockMvc mvc;

    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void theWalkthroughAnswersAsTheReadmeSays() throws Exception {
        // 0. one token per demo user: the bare token with Accept: text/plain, as the README's command asks
        for (String user : new String[] {"mina", "jun", "hana", "tae", "soyeon", "alex"}) {
            String token = mvc.perform(post("/api/auth/token").accept(MediaType.TEXT_PLAIN)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("username", user).param("password", "demo"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            tokens.put(user, token);
        }
        // 1. health
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
        // 2. Mina's sites
        as("mina", get("/api/sites")).andExpect(jsonPath("$[0].name").value("Mina Yoga Seoul"))
                .andExpect(jsonPath("$.length()").value(1));
        // 3. session 1: the site's default custom link (S3, S5)
        as("mina", get("/api/sessions/1/link?channel=MY_BOOKINGS"))
                .andExpect(jsonPath("$.status").value("SHOWN")).andExpect(jsonPath("$.source").value("SITE_DEFAULT"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/mina-yoga"));
        // 4. session 2: Hana's own Zoom account, its own meeting (S5, S10)
        as("mina", get("/api/sessions/2/link?channel=MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("STAFF_ACCOUNT")).andExpect(jsonPath("$.mode").value("PER_SESSION"))
                .andExpect(jsonPath("$.link.url").value("https://zoom.us/j/85012345678?pwd=demo"));
        // 5. session 3: Zoom meeting not created yet
        as("mina", get("/api/sessions/3/link?channel=MY_BOOKINGS")).andExpect(jsonPath("$.status").value("PENDING"));
        // 6. sessions 4 and 5: the course link, past and future (S18)
        for (int session : new int[] {4, 5}) {
            as("mina", get("/api/sessions/" + session + "/link?channel=MY_BOOKINGS"))
                    .andExpect(jsonPath("$.source").value("COURSE_LINK"))
                    .andExpect(jsonPath("$.link.url").value("https://meet.example.com/beginner-course"));
        }
        // 7. session 6 offline: no link; session 7 offline with a link added by staff (S20)
        as("mina", get("/api/sessions/6/link")).andExpect(jsonPath("$.status").value("NONE"));
        as("mina", get("/api/sessions/7/link")).andExpect(jsonPath("$.source").value("SESSION_LINK"));
        // 8. Soyeon's My Bookings
        as("soyeon", get("/api/me/bookings")).andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[?(@.sessionId == 1)].videoLink.status").value("SHOWN"));
        // 9. hide links on My Bookings (S21)
        as("mina", put("/api/sites/1/visibility").contentType(MediaType.APPLICATION_JSON)
                .content("{\"confirmationEmail\": true, \"myBookings\": false, \"memberPages\": true}"))
                .andExpect(status().isOk());
        as("soyeon", get("/api/me/bookings"))
                .andExpect(jsonPath("$[?(@.sessionId == 1)].videoLink.status").value("HIDDEN"))
                .andExpect(jsonPath("$[?(@.sessionId == 1)].videoLink.url").doesNotExist());
        // 10. disconnect the default account: every link goes, Hana's Zoom too (S9)
        as("mina", delete("/api/sites/1/default-account")).andExpect(jsonPath("$.connected").value(false));
        as("mina", get("/api/sessions/2/link")).andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.reasons[0]", containsString("disconnected")));
        // 11. Tae cannot connect his own link now (S15)
        as("tae", put("/api/staff/2/account").contentType(MediaType.APPLICATION_JSON)
                .content("{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/tae\"}}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("staff-account-refused"));
        // 12. reconnect a default account
        as("mina", put("/api/sites/1/default-account").contentType(MediaType.APPLICATION_JSON)
                .content("{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/mina-yoga-2\", \"password\": \"om\"}}"))
                .andExpect(status().isOk());
        as("mina", get("/api/sessions/1/link")).andExpect(jsonPath("$.link.url").value("https://meet.example.com/mina-yoga-2"));
        // ... one account-relink run for the change, not a process per session (#13 item 5)
        as("mina", get("/api/sites/1/account-relink")).andExpect(status().isOk())
                .andExpect(jsonPath("$.trigger", containsString("default account")))
                .andExpect(jsonPath("$.trigger", containsString("connected")));
        // 13. edit the course link: every past and future session changes (S19)
        as("mina", put("/api/services/3/course-link").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"https://meet.example.com/beginner-course-v2\"}"))
                .andExpect(jsonPath("$.courseLinkVersion").value(2));
        as("mina", get("/api/sessions/4/link")).andExpect(jsonPath("$.link.url").value("https://meet.example.com/beginner-course-v2"));
        // 14. a dangerous link is refused, naming the field
        as("hana", put("/api/sessions/2/link").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"javascript:alert(1)\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("url"));
        // 15. another business cannot look at Mina's site
        as("jun", get("/api/sites/1")).andExpect(status().isNotFound());
        as("jun", get("/api/sites/999")).andExpect(status().isNotFound());
        // 16. Jun's Basic plan shows no link (S4)
        as("jun", get("/api/sessions/8/link")).andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.reasons[0]", containsString("Business or eCommerce")));
        // 17. Alex books session 1; no SMTP server is configured, so the confirmation waits in the outbox
        as("alex", post("/api/sessions/1/bookings").contentType(MediaType.APPLICATION_JSON).content("{\"customerId\": 2}"))
                .andExpect(status().isCreated());
        as("mina", get("/api/sites/1/notifications?status=PENDING"))
                .andExpect(jsonPath("$[0].kind").value("BOOKING_CONFIRMATION"))
                .andExpect(jsonPath("$[0].customerId").value(2))
                .andExpect(jsonPath("$[0].status").value("PENDING"));
        // 18. Soyeon signs in on the My Bookings page (links hidden there since step 9, S21)
        MockHttpSession soyeon = (MockHttpSession) mvc.perform(formLogin("/login").user("soyeon").password("demo"))
                .andExpect(redirectedUrl("/my-bookings")).andReturn().getRequest().getSession();
        mvc.perform(get("/my-bookings").session(soyeon)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>내 예약</title>")))
                .andExpect(content().string(containsString("Morning Flow")))
                .andExpect(content().string(not(containsString("meet.example.com/mina-yoga-2"))));
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + tokens.get(user)));
    }
}
