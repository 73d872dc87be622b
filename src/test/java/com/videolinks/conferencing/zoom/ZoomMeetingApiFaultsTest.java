package com.videolinks.conferencing.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/** The Zoom meeting client against a misbehaving Zoom: 401, 429 with and without Retry-After, 5xx, timeouts, 404. */
class ZoomMeetingApiFaultsTest extends ZoomTestBase {

    static final MeetingSpec YOGA = new MeetingSpec("Morning Flow", Instant.parse("2030-01-10T01:00:00Z"), 60,
            ZoneId.of("Asia/Seoul"), "Studio");
    static final String CREATE = "/v2/users/me/meetings";
    static final long SESSION = 7;

    @Autowired
    ZoomMeetingApi zoom;
    @Autowired
    JdbcClient jdbc;

    long accountId;

    @BeforeEach
    void connectHanasZoom() throws Exception {
        accountId = connectStaffZoom(studio.staffApi, studio.staffId);
    }

    @Test
    void s5_aMeetingIsCreatedWithTopicStartDurationAndTimeZoneUnderTheHostsToken() {
        CreatedMeeting meeting = zoom.create(accountId, SESSION, YOGA);

        assertThat(meeting.meetingId()).matches("\\d+");
        assertThat(meeting.joinUrl()).startsWith("https://zoom.example.com/j/");
        ZoomStandIn.server().verify(postRequestedFor(urlEqualTo(CREATE))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withRequestBody(equalToJson("""
                        {"topic": "Morning Flow", "type": 2, "start_time": "2030-01-10T01:00:00Z", "duration": 60,
                         "timezone": "Asia/Seoul", "agenda": "Studio\\n\\nvideolinks session 7"}
                        """)));
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesOnce() {
        stubCreate(aResponse().withStatus(401).withBody("{\"code\":124,\"message\":\"Invalid access token.\"}"),
                created());
        ZoomStandIn.server().stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));

        assertThat(zoom.create(accountId, SESSION, YOGA).meetingId()).isEqualTo("86000000001");

        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo(CREATE)));
        ZoomStandIn.server().verify(postRequestedFor(urlEqualTo(CREATE)).withHeader("Authorization", equalTo("Bearer access-2")));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void a401RightAfterARefreshIsReportedInsteadOfLooping() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(401)));
        ZoomStandIn.server().stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("refresh_token=refresh-1"))
                .willReturn(okJson("{\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\",\"expires_in\":3600}")));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomRejectedException.class)
                .hasMessageContaining("401");
        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a429WithAShortRetryAfterIsWaitedForThenRetried() {
        stubCreate(aResponse().withStatus(429).withHeader("Retry-After", "1"), created());

        long started = System.nanoTime();
        assertThat(zoom.create(accountId, SESSION, YOGA).meetingId()).isEqualTo("86000000001");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a429WithALongRetryAfterBecomesAWaitUntilThenWithoutHammeringZoom() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOfSatisfying(ZoomRateLimitedException.class,
                e -> assertThat(e.retryAt()).isCloseTo(Instant.now().plusSeconds(3600), within(60, ChronoUnit.SECONDS)));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a429WithoutRetryAfterBacksOffABoundedNumberOfTimesThenAsksToWait() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOfSatisfying(ZoomRateLimitedException.class,
                e -> assertThat(e.retryAt()).isCloseTo(Instant.now().plusSeconds(60), within(10, ChronoUnit.SECONDS)));
        ZoomStandIn.server().verify(3, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void zoomsDailyLimitIsNotRetriedAndHoldsTheHostsCreationsUntilTheNextUtcDay() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(429)
                .withBody("{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}")));
        Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOfSatisfying(ZoomRateLimitedException.class,
                e -> assertThat(e.daily()).isTrue());
        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOfSatisfying(ZoomRateLimitedException.class,
                e -> assertThat(e.retryAt()).isEqualTo(tomorrow));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void theHundredAndFirstCreationOfTheDayForAHostIsQueuedWithoutCallingZoom() {
        jdbc.sql("insert into zoom_daily_quota (account_id, quota_day, used) values (:id, :day, 99)")
                .param("id", accountId).param("day", Date.valueOf(LocalDate.now(ZoneOffset.UTC))).update();

        zoom.create(accountId, SESSION, YOGA); // the 100th
        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomRateLimitedException.class)
                .hasMessageContaining("100");
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenReported() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomUnavailableException.class)
                .hasMessageContaining("503");
        ZoomStandIn.server().verify(3, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void aPassingServerErrorIsRiddenOut() {
        stubCreate(aResponse().withStatus(502), created());

        assertThat(zoom.create(accountId, SESSION, YOGA).meetingId()).isEqualTo("86000000001");
        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void aTimeoutIsRetriedABoundedNumberOfTimesThenReported() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(created().withFixedDelay(6000)));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomUnavailableException.class)
                .hasMessageContaining("in time");
        ZoomStandIn.server().verify(3, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void aCreationAnsweredWith5xxIsLookedUpInZoomBeforePostingAgainSoZoomKeepsOneMeeting() {
        // Zoom made the meeting but answered 502: the retry finds it by its reference and start instead of posting again
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(502)));
        zoomHas("videolinks session 7", "2030-01-10T01:00:00Z", 86000000042L);

        CreatedMeeting meeting = zoom.create(accountId, SESSION, YOGA);

        assertThat(meeting.meetingId()).isEqualTo("86000000042");
        assertThat(meeting.password()).isEqualTo("kept42");
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
        ZoomStandIn.server().verify(2, getRequestedFor(urlPathEqualTo(CREATE)).withQueryParam("type", equalTo("scheduled"))
                .withQueryParam("page_size", equalTo("300"))); // two pages: it was on the second
        assertThat(inDoubt()).isZero();
    }

    @Test
    void aMeetingOfAnotherSessionOrAnotherStartIsNotTakenForTheOneInDoubt() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).inScenario("create").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).inScenario("create").whenScenarioStateIs("second")
                .willReturn(created()));
        ZoomStandIn.server().stubFor(get(urlPathEqualTo(CREATE)).willReturn(okJson("""
                {"next_page_token": "", "meetings": [
                  {"id": 1, "agenda": "Studio\\n\\nvideolinks session 70", "start_time": "2030-01-10T01:00:00Z"},
                  {"id": 2, "agenda": "Studio\\n\\nvideolinks session 7", "start_time": "2030-01-11T01:00:00Z"}]}
                """)));

        assertThat(zoom.create(accountId, SESSION, YOGA).meetingId()).isEqualTo("86000000001");
        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void aCreationLeftInDoubtByAnEarlierAttemptIsLookedUpFirstByTheNextThenForgotten() {
        // the job's attempt ends with Zoom unavailable: the creation stays in doubt (as it would were the node stopped)
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomUnavailableException.class);
        assertThat(inDoubt()).isOne();

        // the job's retry: Zoom had made it after all
        ZoomStandIn.server().resetRequests();
        zoomHas("videolinks session 7", "2030-01-10T01:00:00Z", 86000000042L);
        assertThat(zoom.create(accountId, SESSION, YOGA).meetingId()).isEqualTo("86000000042");
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(inDoubt()).isZero();

        // settled: the next creation of it (say the meeting was deleted in Zoom) posts without searching
        ZoomStandIn.server().resetRequests();
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(created()));
        zoom.create(accountId, SESSION, YOGA);
        ZoomStandIn.server().verify(0, getRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void aCreationZoomRefusedOutrightIsNotInDoubt() {
        ZoomStandIn.server().stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":300,\"message\":\"Invalid start time.\"}")));

        assertThatThrownBy(() -> zoom.create(accountId, SESSION, YOGA)).isInstanceOf(ZoomRejectedException.class);
        assertThat(inDoubt()).isZero();
        ZoomStandIn.server().verify(0, getRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void onlyAnAnswerThatNeverCameOrA5xxLeavesACreationInDoubt() {
        assertThat(ZoomResilience.mayHaveBeenCarriedOut(new org.springframework.web.client.ResourceAccessException("read",
                new java.net.SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(ZoomResilience.mayHaveBeenCarriedOut(new org.springframework.web.client.ResourceAccessException("connect",
                new java.net.ConnectException("Connection refused")))).isFalse();
        assertThat(ZoomResilience.mayHaveBeenCarriedOut(org.springframework.web.client.HttpServerErrorException.create(
                org.springframework.http.HttpStatus.BAD_GATEWAY, "Bad Gateway", null, null, null))).isTrue();
        assertThat(ZoomResilience.mayHaveBeenCarriedOut(org.springframework.web.client.HttpClientErrorException.create(
                org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", null, null, null))).isFalse();
    }

    private static void zoomHas(String reference, String startTime, long meetingId) {
        ZoomStandIn.server().stubFor(get(urlPathEqualTo(CREATE)).withQueryParam("next_page_token", absent())
                .willReturn(okJson("""
                        {"next_page_token": "page-2", "meetings": [
                          {"id": 5, "agenda": "Someone else's", "start_time": "%s"}]}
                        """.formatted(startTime))));
        ZoomStandIn.server().stubFor(get(urlPathEqualTo(CREATE)).withQueryParam("next_page_token", equalTo("page-2"))
                .willReturn(okJson("""
                        {"next_page_token": "", "meetings": [
                          {"id": %d, "agenda": "Studio\\n\\n%s", "start_time": "%s"}]}
                        """.formatted(meetingId, reference, startTime))));
        ZoomStandIn.server().stubFor(get(urlEqualTo("/v2/meetings/" + meetingId)).willReturn(okJson("""
                {"id": %d, "join_url": "https://zoom.example.com/j/%d", "password": "kept42"}
                """.formatted(meetingId, meetingId))));
    }

    private int inDoubt() {
        return jdbc.sql("select count(*) from zoom_creation_in_doubt where account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    @Test
    void deletingAMeetingZoomNoLongerHasCountsAsDone() {
        ZoomStandIn.server().stubFor(delete(urlEqualTo("/v2/meetings/123")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":3001,\"message\":\"Meeting does not exist: 123.\"}")));

        assertThat(zoom.delete(accountId, "123")).isFalse();
    }

    private static void stubCreate(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        MappingBuilder one = post(urlEqualTo(CREATE)).inScenario("create").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("second");
        MappingBuilder two = post(urlEqualTo(CREATE)).inScenario("create").whenScenarioStateIs("second").willReturn(then);
        ZoomStandIn.server().stubFor(one);
        ZoomStandIn.server().stubFor(two);
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": 86000000001, \"join_url\": \"https://zoom.example.com/j/86000000001\", \"password\": \"abc123\"}");
    }
}
