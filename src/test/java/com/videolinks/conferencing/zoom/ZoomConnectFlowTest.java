package com.videolinks.conferencing.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/** Connecting Zoom through Zoom's OAuth sign-in: state, PKCE, who may finish it, what is stored (S8, S12, S15, S16). */
class ZoomConnectFlowTest extends ZoomTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void s8_theDefaultZoomAccountConnectsThroughSignInWithStateAndPkceAndOnlyThenBecomesTheDefault() throws Exception {
        String start = studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String authorizeUrl = JsonPath.read(start, "$.authorizeUrl");
        Map<String, String> query = query(authorizeUrl);
        assertThat(authorizeUrl).startsWith(ZoomStandIn.baseUrl() + "/oauth/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", ZoomStandIn.CLIENT_ID)
                .containsEntry("redirect_uri", "https://videolinks.test/api/zoom/oauth/callback")
                .containsEntry("code_challenge_method", "S256").containsKey("state").containsKey("code_challenge");
        // still the custom link until Zoom's sign-in completes
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.provider").value("CUSTOM_LINK"));

        studio.ownerApi.get("/api/zoom/oauth/callback?code=the-code&state=" + query.get("state"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value("ZOOM"))
                .andExpect(jsonPath("$.connected").value(true))
                .andExpect(jsonPath("$.zoomUser").value("hana@example.com"))
                .andExpect(jsonPath("$.accessToken").doesNotExist());

        LoggedRequest exchange = ZoomStandIn.server().findAll(postRequestedFor(urlEqualTo("/oauth/token"))).get(0);
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "the-code")
                .containsEntry("redirect_uri", "https://videolinks.test/api/zoom/oauth/callback");
        assertThat(ZoomConnectFlow.challenge(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        assertThat(exchange.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (ZoomStandIn.CLIENT_ID + ":" + ZoomStandIn.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        ZoomStandIn.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/v2/users/me"))
                .withHeader("Authorization", equalTo("Bearer access-1")));

        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.provider").value("ZOOM"));
        long accountId = ((Number) JsonPath.read(studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        Map<String, Object> stored = jdbc.sql("select access_token, refresh_token from zoom_credential where account_id = :id")
                .param("id", accountId).query().singleRow();
        assertThat(stored.values()).allSatisfy(value -> assertThat((String) value).startsWith("enc:v1:")
                .doesNotContain("access-1").doesNotContain("refresh-1"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theZoomUsersEmailStaysOutOfTheLog(CapturedOutput output) throws Exception { // #11: no personal data in logs
        String start = studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String state = query(JsonPath.read(start, "$.authorizeUrl")).get("state");

        studio.ownerApi.get("/api/zoom/oauth/callback?code=the-code&state=" + state)
                .andExpect(status().isOk()).andExpect(jsonPath("$.zoomUser").value("hana@example.com"));

        assertThat(output.getOut()).contains("connected a Zoom user as its default account");
        assertThat(output.getOut() + output.getErr()).doesNotContain("hana@example.com");
    }

    @Test
    void aStateWorksOnceAndAnUnknownStateConnectsNothing() throws Exception {
        String start = studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        String state = query(JsonPath.read(start, "$.authorizeUrl")).get("state");
        studio.ownerApi.get("/api/zoom/oauth/callback?code=c&state=forged-state")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        studio.ownerApi.get("/api/zoom/oauth/callback?code=c&state=" + state).andExpect(status().isOk());
        studio.ownerApi.get("/api/zoom/oauth/callback?code=c&state=" + state)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void aSignInStartedByOneUserCannotBeFinishedByAnother() throws Exception { // login CSRF
        String start = studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        String state = query(JsonPath.read(start, "$.authorizeUrl")).get("state");
        studio.staffApi.get("/api/zoom/oauth/callback?code=c&state=" + state).andExpect(status().isForbidden());
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.provider").value("CUSTOM_LINK"));
    }

    @Test
    void whenTheUserDeclinesInZoomNothingIsConnected() throws Exception {
        String start = studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        String state = query(JsonPath.read(start, "$.authorizeUrl")).get("state");
        studio.ownerApi.get("/api/zoom/oauth/callback?error=access_denied&state=" + state)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("zoom-authorization-denied"));
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.provider").value("CUSTOM_LINK"));
    }

    @Test
    void s12_s16_aStaffMemberConnectsTheirOwnZoomThroughSignIn() throws Exception {
        long accountId = connectStaffZoom(studio.staffApi, studio.staffId);
        studio.staffApi.get("/api/staff/" + studio.staffId + "/account")
                .andExpect(jsonPath("$.id").value(accountId))
                .andExpect(jsonPath("$.provider").value("ZOOM"))
                .andExpect(jsonPath("$.zoomUser").value("hana@example.com"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("STAFF_ACCOUNT"))
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void s15_staffCannotStartConnectingZoomBeforeTheDefaultAccountIsConnected() throws Exception {
        studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account").andExpect(status().isOk());
        studio.staffApi.post("/api/staff/" + studio.staffId + "/account/zoom-authorization", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("staff-account-refused"))
                .andExpect(jsonPath("$.reasons[0]", containsString("S15")));
    }

    /** #11: to another business the site does not exist (the 404 of an unknown id). */
    @Test
    void anotherBusinessCannotStartConnectingZoomForTheSite() throws Exception {
        var other = new com.videolinks.support.StudioFixture(mvc, users);
        other.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andExpect(status().isNotFound());
        other.ownerApi.post("/api/sites/" + other.siteId + "/default-account/zoom-authorization", "")
                .andExpect(status().isOk());
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(java.util.stream.Collectors
                .toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

}
