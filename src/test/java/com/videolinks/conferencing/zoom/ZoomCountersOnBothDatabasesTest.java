package com.videolinks.conferencing.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.KeyGenerator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.support.ConcurrencyFixture;
import com.videolinks.support.SharedDatabases;
import com.videolinks.support.SharedDatabases.Database;

/**
 * #14 item 2: the Zoom token compare-and-set and the daily meeting-creation counter under concurrency, on H2 and on
 * PostgreSQL: of eight nodes refreshing one token at once exactly one claims the refresh and exactly one rotation
 * wins; eight nodes creating meetings for one host never exceed the daily limit, and use all of it.
 */
class ZoomCountersOnBothDatabasesTest {

    private static final int THREADS = 8;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void oneRefreshClaimAndOneRotationWinAmongNodesRacingForTheSameToken(String kind) throws Exception {
        try (Database database = SharedDatabases.fresh(kind)) {
            Clock clock = Clock.systemUTC();
            KeyGenerator keys = KeyGenerator.getInstance("AES");
            keys.init(256);
            JdbcZoomCredentials credentials = new JdbcZoomCredentials(database.jdbc(), new SecretBox(keys.generateKey()), clock);
            long account = ConcurrencyFixture.zoomAccount(database.jdbc(), ConcurrencyFixture.site(database.jdbc()));
            credentials.store(account, new TokenGrant("access-0", "refresh-0", Instant.now().plusSeconds(60)));

            List<Boolean> claims = ConcurrencyFixture.together(THREADS,
                    () -> credentials.claimRefresh(account, 0, Instant.now().plusSeconds(30)));
            assertThat(claims.stream().filter(won -> won).count()).as("refresh claims won").isEqualTo(1);

            List<Boolean> rotations = ConcurrencyFixture.together(THREADS, () -> credentials.rotate(account, 0,
                    new TokenGrant("access-" + Thread.currentThread().getId(), "refresh-" + Thread.currentThread().getId(),
                            Instant.now().plusSeconds(3600))));
            assertThat(rotations.stream().filter(won -> won).count()).as("rotations won").isEqualTo(1);
            ZoomCredential stored = credentials.find(account).orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.accessToken().substring("access-".length()))
                    .as("both tokens from the same winner").isEqualTo(stored.refreshToken().substring("refresh-".length()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void nodesCreatingMeetingsForOneHostAtOnceUseTheDailyLimitExactly(String kind) throws Exception {
        try (Database database = SharedDatabases.fresh(kind)) {
            int limit = 50;
            ZoomQuota quota = new ZoomQuota(database.jdbc(), properties(limit), Clock.systemUTC(), database.transactions());
            long account = ConcurrencyFixture.zoomAccount(database.jdbc(), ConcurrencyFixture.site(database.jdbc()));

            List<Integer> created = ConcurrencyFixture.together(THREADS, () -> {
                int mine = 0;
                for (int i = 0; i < 10; i++) {
                    try {
                        quota.consumeCreation(account, "host@example.com");
                        mine++;
                    } catch (ZoomRateLimitedException limitReached) {
                        // the day's allowance is used up
                    }
                }
                return mine;
            });

            assertThat(created.stream().mapToInt(Integer::intValue).sum()).as("creations allowed").isEqualTo(limit);
            assertThat(database.jdbc().sql("select used from zoom_daily_quota where account_id = :account")
                    .param("account", account).query(Integer.class).single()).isEqualTo(limit);
        }
    }

    private static ZoomProperties properties(int dailyCreations) {
        return new ZoomProperties("id", "secret", URI.create("http://localhost/callback"), "token",
                URI.create("http://localhost/v2"), URI.create("http://localhost"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(5),
                dailyCreations, new ZoomProperties.Retry(1, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ZERO, Duration.ofMinutes(1)));
    }
}
