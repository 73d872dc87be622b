package com.videolinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUser;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.StudioFixture;

/**
 * The dashboard's forms and doors without a browser (#12): who lands where, who is refused (as a page), CSRF,
 * one-time form tokens against double submits, the API's own validation messages next to the field, nothing
 * stored on bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPagesTest {

    private static final Pattern TOKEN = Pattern.compile("action=\"([^\"]+)\" method=\"post\"[^>]*>(?:<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]*\"/>)?\\s*(?:<h3>[^<]*</h3>\\s*)?<input type=\"hidden\" name=\"formToken\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    StudioFixture studio;
    AppUser owner;

    @BeforeEach
    void studio() throws Exception {
        studio = new StudioFixture(mvc, users);
        owner = users.find(studio.owner).orElseThrow();
    }

    @Test
    void slashSendsEveryoneToTheirOwnPage() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/").with(user(owner))).andExpect(redirectedUrl("/dashboard/sites"));
        mvc.perform(get("/dashboard/sites").with(user(owner))).andExpect(redirectedUrl("/dashboard/sites/" + studio.siteId));
        mvc.perform(get("/").with(user(users.find(studio.staffUser).orElseThrow()))).andExpect(redirectedUrl("/dashboard/staff/me"));
        mvc.perform(get("/").with(user(users.find(studio.customerUser).orElseThrow()))).andExpect(redirectedUrl("/my-bookings"));
        AppUser operator = users.create("ops-" + studio.owner, Api.PASSWORD, Role.OPERATOR, null, null);
        mvc.perform(get("/").with(user(operator))).andExpect(redirectedUrl("/dashboard/rules"));
        // and the owner's page opens for the owner, with the strict CSP of the pages
        mvc.perform(get("/dashboard/sites/" + studio.siteId).with(user(owner))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"));
    }

    @Test
    void anotherBusinessAStaffMemberOrACustomerGetsARefusalPageNotJsonAndTheOwnerStillGetsIn() throws Exception {
        StudioFixture other = new StudioFixture(mvc, users);
        String page = mvc.perform(get("/dashboard/sites/" + studio.siteId).header("Accept-Language", "en")
                        .with(user(users.find(other.owner).orElseThrow())))
                // another business's site answers as one that exists nowhere (#11): a page, not JSON
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1 id=\"error-title\">").doesNotContain("urn:videolinks");
        mvc.perform(get("/dashboard/sites/" + studio.siteId).with(user(users.find(studio.customerUser).orElseThrow())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/rules").with(user(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/sites/999999").with(user(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/sites/" + studio.siteId).with(user(owner))).andExpect(status().isOk());
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/dashboard/sites/" + studio.siteId + "/default-account").with(user(owner))
                .param("url", "https://meet.example.com/no-csrf")).andExpect(status().isForbidden());
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
    }

    @Test
    void aDoubleSubmitStoresOnceAndSaysSo() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = formToken(session, "/dashboard/sites/" + studio.siteId + "/default-account");

        mvc.perform(post("/dashboard/sites/" + studio.siteId + "/default-account").session(session).with(user(owner)).with(csrf())
                .param("formToken", token).param("url", "https://meet.example.com/first"))
                .andExpect(redirectedUrl("/dashboard/sites/" + studio.siteId));
        String again = mvc.perform(post("/dashboard/sites/" + studio.siteId + "/default-account").session(session)
                        .with(user(owner)).with(csrf()).header("Accept-Language", "en")
                        .param("formToken", token).param("url", "https://meet.example.com/second"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("This form was already sent");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/first"));
    }

    @Test
    void badLinksAreRefusedWithTheApisOwnMessagesNextToTheFieldAndNothingIsStored() throws Exception {
        String apiMessage = JsonPath.read(studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account",
                        "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"javascript:alert(1)\"}}")
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(), "$.errors[0].message");

        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/dashboard/sites/" + studio.siteId + "/default-account").session(session)
                        .with(user(owner)).with(csrf()).header("Accept-Language", "en")
                        .param("formToken", formToken(session, "/dashboard/sites/" + studio.siteId + "/default-account"))
                        .param("url", "javascript:alert(1)").param("description", "d".repeat(501)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<span class=\"field-error\" id=\"default-url-error\">" + apiMessage + "</span>")
                .contains("id=\"default-description-error\">size must be between 0 and 500</span>")
                .contains("value=\"javascript:alert(1)\"");

        String missing = mvc.perform(post("/dashboard/sessions/" + studio.classSessionId + "/link").session(session)
                        .with(user(owner)).with(csrf()).header("Accept-Language", "en")
                        .param("formToken", formToken(session, "/dashboard/sessions/" + studio.classSessionId + "/link"))
                        .param("linkVersion", "0").param("url", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("id=\"session-" + studio.classSessionId + "-url-error\">must not be blank</span>");

        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
        studio.ownerApi.get("/api/sessions/" + studio.classSessionId).andExpect(jsonPath("$.manualLink").value("NONE"));
    }

    @Test
    void aFormOpenedBeforeTheSessionsLinkChangedIsRefusedAsStale() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = formToken(session, "/dashboard/sessions/" + studio.classSessionId + "/link");
        studio.ownerApi.delete("/api/sessions/" + studio.classSessionId + "/link").andExpect(status().isOk()); // version 1
        String page = mvc.perform(post("/dashboard/sessions/" + studio.classSessionId + "/link").session(session)
                        .with(user(owner)).with(csrf()).header("Accept-Language", "en")
                        .param("formToken", token).param("linkVersion", "0").param("url", "https://meet.example.com/late"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("link changed since the page was opened");
        studio.ownerApi.get("/api/sessions/" + studio.classSessionId).andExpect(jsonPath("$.manualLink").value("REMOVED"));
    }

    @Test
    void connectingZoomWithoutAZoomAppSaysSoOnThePage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/dashboard/sites/" + studio.siteId + "/default-account/zoom").session(session)
                        .with(user(owner)).with(csrf()).header("Accept-Language", "en")
                        .param("formToken", formToken(session, "/dashboard/sites/" + studio.siteId + "/default-account/zoom")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Zoom is not set up on this service yet");
    }

    /** The one-time token of the form posting to {@code action}, from the page the owner would see. */
    private String formToken(MockHttpSession session, String action) throws Exception {
        String sitePage = mvc.perform(get("/dashboard/sites/" + studio.siteId).session(session).with(user(owner)))
                .andReturn().getResponse().getContentAsString();
        String sessionsPage = mvc.perform(get("/dashboard/sites/" + studio.siteId + "/sessions").session(session).with(user(owner)))
                .andReturn().getResponse().getContentAsString();
        for (String page : new String[] {sitePage, sessionsPage}) {
            Matcher form = TOKEN.matcher(page);
            while (form.find()) {
                if (form.group(1).equals(action)) {
                    return form.group(2);
                }
            }
        }
        throw new AssertionError("no form posting to " + action);
    }
}
