package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.videolinks.support.ConcurrencyFixture;
import com.videolinks.support.SharedDatabases;
import com.videolinks.support.SharedDatabases.Database;

/**
 * #14 item 2: the outbox claim under concurrency, on H2 and on PostgreSQL ({@code FOR UPDATE SKIP LOCKED} there):
 * six "nodes" claiming at the same moment, round after round, never hold the same row, and every row is claimed.
 * A claimer that comes back empty stops, as the dispatcher does until its next round.
 */
class OutboxClaimOnBothDatabasesTest {

    private static final int ROWS = 300;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void nodesClaimingAtOnceNeverTakeTheSameRowAndLeaveNoneBehind(String kind) throws Exception {
        try (Database database = SharedDatabases.fresh(kind)) {
            JdbcOutbox outbox = new JdbcOutbox(database.jdbc(), database.source());
            long site = ConcurrencyFixture.site(database.jdbc());
            Instant now = Instant.now();
            for (int i = 0; i < ROWS; i++) {
                long customer = ConcurrencyFixture.customer(database.jdbc(), site, i);
                outbox.add(new NewOutboxMessage("concurrency:" + i, NotificationKind.BOOKING_CONFIRMATION, site, customer,
                        null, null, null, null, null), now.minusSeconds(1));
            }

            List<List<Long>> claimedByNode = ConcurrencyFixture.together(6, () -> {
                List<Long> mine = new ArrayList<>();
                String node = "node-" + Thread.currentThread().getId();
                for (int round = 0; round < 100; round++) {
                    List<OutboxMessage> batch = outbox.claimDue(node + "/" + round, now, now.plus(Duration.ofMinutes(5)), 7);
                    if (batch.isEmpty()) {
                        break;
                    }
                    batch.forEach(message -> mine.add(message.id()));
                }
                return mine;
            });

            Set<Long> distinct = new HashSet<>();
            int total = 0;
            for (List<Long> mine : claimedByNode) {
                distinct.addAll(mine);
                total += mine.size();
            }
            assertThat(total).as("rows claimed twice").isEqualTo(distinct.size());
            assertThat(distinct).as("every row claimed once").hasSize(ROWS);
            assertThat(outbox.claimDue("late", now, now.plusSeconds(60), 10)).as("nothing left to claim").isEmpty();
            if (kind.equals("postgresql")) {
                // SKIP LOCKED: a node never waits for another's rows, so they share the work. (On H2, which no two
                // nodes can share anyway, a claimer that waited on another's row locks may come back empty.)
                assertThat(claimedByNode.stream().filter(mine -> !mine.isEmpty()).count())
                        .as("the nodes shared the work").isGreaterThan(1);
            }
        }
    }
}
