package com.videolinks.conferencing.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/** Zoom access tokens: refreshed ahead of expiry, rotating refresh tokens never lost, revocation made visible. */
@ExtendWith(OutputCaptureExtension.class)
class ZoomTokensTest extends ZoomTestBase {

    @Autowired
    ZoomTokens tokens;
    @Autowired
    ZoomCredentials credentials;
    @Autowired
    ConferencingAccounts accounts;
    @Autowired
    ZoomOAuthClient oauth;
    @Autowired
    ZoomRevocations revocations;
    @Autowired
    ZoomProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    long accountId;

    @BeforeEach
    void connectHanasZoom() throws Exception {
        accountId = connectStaffZoom(studio.staffApi, studio.staffId);
    }

    @Test
    void aValidAccessTokenIsUsedWithoutAskingZoom() {
        assertThat(tokens.accessToken(accountId)).isEqualTo("access-1");
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aTokenAboutToExpireIsRefreshedFirstAndTheRotatedRefreshTokenIsTheOneUsedNextTime() {
        ZoomStandIn.server().stubFor(refresh("refresh-1").willReturn(grant("access-2", "refresh-2")));
        ZoomStandIn.server().stubFor(refresh("refresh-2").willReturn(grant("access-3", "refresh-3")));

        expiresInOneMinute();
        assertThat(tokens.accessToken(accountId)).isEqualTo("access-2");
        ZoomCredential stored = credentials.find(accountId).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("refresh-2");
        assertThat(stored.version()).isEqualTo(1);

        expiresInOneMinute();
        assertThat(tokens.accessToken(accountId)).isEqualTo("access-3");
        assertThat(credentials.find(accountId).orElseThrow().refreshToken()).isEqualTo("refresh-3");
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("refresh_token=refresh-1")));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("refresh_token=refresh-2")));
    }

    @Test
    void concurrentRefreshesOnOneNodeAskZoomOnceAndAllUseTheNewToken() throws Exception {
        ZoomStandIn.server().stubFor(refresh("refresh-1").willReturn(grant("access-2", "refresh-2").withFixedDelay(300)));
        expiresInOneMinute();

        List<String> seen = inParallel(8, () -> tokens.accessToken(accountId));

        assertThat(seen).containsOnly("access-2");
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aSecondNodeWaitsForTheRefreshInProgressInsteadOfSpendingTheSameRefreshToken() throws Exception {
        // Zoom accepts refresh-1 once (slowly) and refuses it afterwards, as a rotating refresh token does
        ZoomStandIn.server().stubFor(refresh("refresh-1").inScenario("rotation").whenScenarioStateIs(STARTED)
                .willReturn(grant("access-2", "refresh-2").withFixedDelay(700)).willSetStateTo("rotated"));
        ZoomStandIn.server().stubFor(refresh("refresh-1").inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(invalidGrant()));
        ZoomTokens otherNode = new ZoomTokens(credentials, accounts, oauth, revocations, properties, clock, transactions);
        expiresInOneMinute();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> first = pool.submit(() -> tokens.accessToken(accountId));
        Thread.sleep(200);
        Future<String> second = pool.submit(() -> otherNode.accessToken(accountId));
        assertThat(first.get()).isEqualTo("access-2");
        assertThat(second.get()).isEqualTo("access-2");
        pool.shutdown();

        assertThat(accounts.find(accountId).orElseThrow().connected()).isTrue();
        assertThat(credentials.find(accountId).orElseThrow().refreshToken()).isEqualTo("refresh-2");
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aTokenRejectedAfterSomeoneElseRotatedItIsNotARevocation() {
        // another node rotated while this one was using access-1
        credentials.rotate(accountId, 0, new TokenGrant("access-9", "refresh-9", Instant.now().plusSeconds(3600)));

        assertThat(tokens.refreshRejected(accountId, "access-1")).isEqualTo("access-9");
        assertThat(accounts.find(accountId).orElseThrow().connected()).isTrue();
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aRotatedTokenIsKeptEvenWhenTheJobThatRefreshedItRollsBack() {
        ZoomStandIn.server().stubFor(refresh("refresh-1").willReturn(grant("access-2", "refresh-2")));
        expiresInOneMinute();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            tokens.accessToken(accountId);
            status.setRollbackOnly();
        });

        assertThat(credentials.find(accountId).orElseThrow().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aRevokedGrantDisconnectsTheAccountListsItsUpcomingSessionsAndAlertsTheBusinessWithoutLeakingTokens(
            CapturedOutput output) throws Exception {
        ZoomStandIn.server().stubFor(refresh("refresh-1").willReturn(invalidGrant()));
        expiresInOneMinute();

        assertThatThrownBy(() -> tokens.accessToken(accountId)).isInstanceOf(ZoomAccountDisconnectedException.class)
                .satisfies(e -> assertThat(((ZoomAccountDisconnectedException) e).affectedSessionIds())
                        .contains(studio.classSessionId, studio.oneOnOneSessionId)
                        .doesNotContain(studio.courseFutureSessionId));

        assertThat(accounts.find(accountId).orElseThrow().connected()).isFalse();
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/alerts")
                .andExpect(jsonPath("$[0].code").value("zoom-account-disconnected"))
                .andExpect(jsonPath("$[0].accountId").value(accountId))
                .andExpect(jsonPath("$[0].sessionIds", hasItems((int) studio.classSessionId, (int) studio.oneOnOneSessionId)))
                .andExpect(jsonPath("$[0].message", containsString("hana@example.com")))
                .andExpect(jsonPath("$[0].acknowledgedAt").doesNotExist());
        studio.staffApi.get("/api/staff/" + studio.staffId + "/account")
                .andExpect(jsonPath("$.connected").value(false))
                .andExpect(jsonPath("$.disconnectReason", containsString("invalid_grant")));
        assertThat(output.getOut()).contains("zoom", "was disconnected", "Reconnect");
        for (String secret : List.of("access-1", "refresh-1", ZoomStandIn.CLIENT_SECRET)) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
        // the revoked account no longer counts: the staff member's sessions use the site default (S10), and the
        // business knows why (the alert), rather than a silent switch
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.source").value("SITE_DEFAULT"));

        // a second job hitting the same account raises no second alert
        assertThatThrownBy(() -> tokens.accessToken(accountId)).isInstanceOf(ZoomAccountDisconnectedException.class);
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/alerts")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[*].code", not(hasItem("something-else"))));
    }

    @Test
    void aRevokedDefaultAccountListsEverySessionOfTheSiteNotOverLinksAddedByHandIncludedBecauseS9HidesThemToo()
            throws Exception {
        long defaultAccountId = connectDefaultZoom(studio.ownerApi, studio.siteId);
        studio.ownerApi.put("/api/sessions/" + studio.oneOnOneSessionId + "/link",
                "{\"url\": \"https://meet.example.com/by-hand\"}");
        studio.ownerApi.get(studio.link(studio.oneOnOneSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.source").value("SESSION_LINK"));

        ZoomAccountDisconnectedException revoked = revocations.revoked(defaultAccountId, "invalid_grant");

        assertThat(revoked.affectedSessionIds()).contains(studio.classSessionId, studio.oneOnOneSessionId,
                studio.courseFutureSessionId).doesNotContain(studio.coursePastSessionId);
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/alerts")
                .andExpect(jsonPath("$[0].accountId").value(defaultAccountId))
                .andExpect(jsonPath("$[0].sessionIds", hasItems((int) studio.oneOnOneSessionId)))
                .andExpect(jsonPath("$[0].message", containsString("links added by hand included")));
        // and S9 holds: the hand-added link is hidden now
        studio.ownerApi.get(studio.link(studio.oneOnOneSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("NONE"));
    }

    @Test
    void aRefreshWhoseAnswerTimedOutIsNeverSentAgainAndNeverDisconnectsTheAccount() {
        // Zoom takes the refresh (and rotates refresh-1) but its answer never arrives within the read timeout (4 s)
        ZoomStandIn.server().stubFor(refresh("refresh-1").willReturn(grant("access-2", "refresh-2").withFixedDelay(5_000)));
        expiresInOneMinute();

        // the stored access token still works for a minute: it is used, and the business is told to sign in again
        assertThat(tokens.accessToken(accountId)).isEqualTo("access-1");
        assertThat(tokens.accessToken(accountId)).isEqualTo("access-1");
        assertThat(credentials.find(accountId).orElseThrow().refreshUncertainSince()).isNotNull();
        assertThatThrownBy(() -> tokens.refreshRejected(accountId, "access-1"))
                .isInstanceOf(ZoomUnavailableException.class).hasMessageContaining("not sent again")
                .hasMessageContaining("Connect the account again");

        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
        assertThat(accounts.find(accountId).orElseThrow().connected()).as("not disconnected on a guess").isTrue();
        assertThat(jdbc.sql("select count(*) from business_alert where code = 'zoom-token-refresh-uncertain'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    private void expiresInOneMinute() {
        jdbc.sql("update zoom_credential set expires_at = :at where account_id = :id")
                .param("at", Timestamp.from(Instant.now().plusSeconds(60))).param("id", accountId).update();
    }

    private static MappingBuilder refresh(String refreshToken) {
        return post(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder grant(String access, String refresh) {
        return okJson("""
                {"access_token": "%s", "refresh_token": "%s", "expires_in": 3600, "token_type": "bearer"}
                """.formatted(access, refresh));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder invalidGrant() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}");
    }

    private static List<String> inParallel(int threads, Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(call));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
