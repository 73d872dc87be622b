package com.videolinks.mybookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.conferencing.AccountConnections;
import com.videolinks.security.AppUser;
import com.videolinks.security.AppUsers;
import com.videolinks.support.Api;
import com.videolinks.support.Tokens;
import com.videolinks.support.StudioFixture;

/** The customer's My Bookings page and session pages, server-rendered, behind a form login (S21, S22, #5). */
@SpringBootTest
@AutoConfigureMockMvc
class MyBookingsPageTest {

    private static final String DEFAULT_URL = "https://meet.example.com/default";

    @Autowired
    AccountConnections connections;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    StudioFixture studio;
    AppUser customer;

    @BeforeEach
    void buildStudio() throws Exception {
        studio = new StudioFixture(mvc, users);
        customer = users.find(studio.customerUser).orElseThrow();
    }

    @Test
    void aBrowserSignsInWithAFormAndLandsOnMyBookings() throws Exception {
        mvc.perform(get("/my-bookings")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("<title>로그인</title>", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        assertThat(mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9")).andReturn().getResponse()
                .getContentAsString()).contains("<title>Sign in</title>");

        mvc.perform(formLogin("/login").user(studio.customerUser).password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(studio.customerUser).password(Api.PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/my-bookings"))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/my-bookings").session(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>내 예약</title>", "Morning Flow");

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/my-bookings").session(session)).andExpect(status().isFound());
    }

    @Test
    void s21_theCustomerSeesTheirUpcomingAndPastBookingsWithTheLinkInTheirLanguageAndTimeZone() throws Exception {
        String page = page("/my-bookings");

        String upcoming = page.substring(page.indexOf("id=\"upcoming\""), page.indexOf("id=\"past\""));
        String past = page.substring(page.indexOf("id=\"past\""));
        assertThat(upcoming).contains("Morning Flow", "Private Coaching", "Beginner Course",
                "2030년 1월 10일 목요일 오전 10:00 – 오전 11:00 (대한민국 표준시)",
                "href=\"" + DEFAULT_URL + "\"", "pw1", "Default room", "화상 세션 참여하기");
        assertThat(past).contains("Beginner Course", "2020년 1월 10일 금요일 오후 7:00");
        assertThat(upcoming.indexOf("Morning Flow")).isLessThan(upcoming.indexOf("Private Coaching"));
    }

    @Test
    void s21_aLinkHiddenFromMyBookingsLeavesNoTraceInThePageAndSaysWhereToFindIt() throws Exception {
        visibility(true, false, true);

        String page = page("/my-bookings");

        assertThat(page).doesNotContain("meet.example.com", "pw1", "Default room", "class=\"video-link\"")
                .contains("세션 안내 페이지에서 확인하세요", "data-link-status=\"HIDDEN\"");
        visibility(true, false, false);
        assertThat(page("/my-bookings")).doesNotContain("meet.example.com", "pw1", "Default room")
                .contains("예약 확인 이메일에서 확인하세요");
        visibility(false, false, false);
        assertThat(page("/my-bookings")).doesNotContain("meet.example.com", "pw1", "Default room")
                .contains("직접 안내해 드립니다");
    }

    @Test
    void s5_s11_aPendingOrRemovedLinkSaysSo() throws Exception {
        // as the end of Zoom's sign-in does (ZoomConnectFlowTest covers the sign-in itself)
        connections.connectZoomStaff(studio.staffId, "h@example.com", false);
        studio.staffApi.delete("/api/sessions/" + studio.oneOnOneSessionId + "/link");

        String page = page("/my-bookings");

        assertThat(page).contains("화상 링크를 준비하고 있습니다", "업체에서 이 세션의 화상 링크를 삭제했습니다");
    }

    @Test
    void s22_aSessionPageInTheMemberAreaFollowsTheMemberPagesSetting() throws Exception {
        visibility(true, true, false);
        String sessionPage = page("/member/sessions/" + studio.classSessionId);
        assertThat(sessionPage).contains("Morning Flow", "내 예약 페이지에서 확인하세요")
                .doesNotContain("meet.example.com", "pw1", "Default room");
        assertThat(page("/my-bookings")).contains("href=\"" + DEFAULT_URL + "\"");

        visibility(true, false, true);
        assertThat(page("/member/sessions/" + studio.classSessionId)).contains("href=\"" + DEFAULT_URL + "\"", "pw1");
    }

    @Test
    void aCustomerSeesOnlyTheirOwnBookings() throws Exception {
        StudioFixture other = new StudioFixture(mvc, users);
        long otherSession = other.ownerApi.create("/api/services/" + other.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-01-01T01:00:00Z", "endsAt": "2031-01-01T02:00:00Z"}
                """.formatted(other.staffId));

        mvc.perform(get("/member/sessions/" + otherSession).with(user(customer))).andExpect(status().isNotFound());
        mvc.perform(get("/member/sessions/" + other.classSessionId).with(user(customer))).andExpect(status().isNotFound());
        String mine = page("/my-bookings");
        assertThat(mine).contains("data-session-id=\"" + studio.classSessionId + "\"")
                .doesNotContain("data-session-id=\"" + other.classSessionId + "\"");
        String otherPage = mvc.perform(get("/my-bookings").with(user(users.find(other.customerUser).orElseThrow())))
                .andReturn().getResponse().getContentAsString();
        assertThat(otherPage).contains("data-session-id=\"" + other.classSessionId + "\"")
                .doesNotContain("data-session-id=\"" + studio.classSessionId + "\"");
    }

    @Test
    void onlyCustomersHaveMyBookingsAndTheApiTakesBearerTokensNotBasic() throws Exception {
        mvc.perform(get("/my-bookings").with(user(users.find(studio.owner).orElseThrow()))).andExpect(status().isForbidden());
        String token = Tokens.signIn(mvc, studio.customerUser, Api.PASSWORD);
        // a page takes no bearer token and no Basic credentials: the browser signs in with the form
        mvc.perform(get("/my-bookings").with(httpBasic(studio.customerUser, Api.PASSWORD))).andExpect(status().isFound());
        mvc.perform(get("/api/me/bookings").with(Tokens.bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/me/bookings").with(httpBasic(studio.customerUser, Api.PASSWORD)))
                .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(get("/api/me/bookings")).andExpect(status().isUnauthorized());
    }

    @Test
    void anEnglishCustomerReadsEnglishWhateverTheBrowserSays() throws Exception {
        long alex = studio.ownerApi.create("/api/sites/" + studio.siteId + "/customers",
                "{\"name\": \"Alex\", \"email\": \"alex-" + System.nanoTime() + "@example.com\", \"locale\": \"en\", \"timeZone\": \"Europe/London\"}");
        studio.ownerApi.create("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + alex + "}");
        String username = "alex-" + System.nanoTime();
        users.create(username, Api.PASSWORD, com.videolinks.security.Role.CUSTOMER, null, alex);

        String page = mvc.perform(get("/my-bookings").header("Accept-Language", "ko-KR")
                        .with(user(users.find(username).orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>My Bookings</title>", "Join the video session",
                "Thursday, January 10, 2030 1:00 AM – 2:00 AM (Greenwich Mean Time)", "lang=\"en\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(customer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void visibility(boolean confirmationEmail, boolean myBookings, boolean memberPages) throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility", """
                {"confirmationEmail": %s, "myBookings": %s, "memberPages": %s}
                """.formatted(confirmationEmail, myBookings, memberPages)).andExpect(status().isOk());
    }
}
