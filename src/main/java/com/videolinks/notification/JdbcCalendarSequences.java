package com.videolinks.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCalendarSequences implements CalendarSequences {

    private static final String GROW = """
            update calendar_entry set sequence = sequence + 1 where customer_id = :customer and session_id = :session
            """;
    private static final String CURRENT = """
            select sequence from calendar_entry where customer_id = :customer and session_id = :session
            """;
    private static final String FIRST = """
            insert into calendar_entry (customer_id, session_id, sequence)
            select cast(:customer as bigint), cast(:session as bigint), 0
            where not exists (select 1 from calendar_entry where customer_id = :customer and session_id = :session)
            """;

    private final JdbcClient jdbc;

    JdbcCalendarSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One transaction: the grown row stays locked until the number is read, so two senders of the same entry (two
     * nodes) never read the same number. Two first emails racing to insert: one fails and is retried by the outbox.
     */
    @Override
    @Transactional
    public int next(long customerId, long sessionId) {
        if (grow(customerId, sessionId) == 0) {
            if (jdbc.sql(FIRST).param("customer", customerId).param("session", sessionId).update() == 1) {
                return 0;
            }
            grow(customerId, sessionId); // another sender wrote the first number meanwhile
        }
        return jdbc.sql(CURRENT).param("customer", customerId).param("session", sessionId).query(Integer.class).single();
    }

    private int grow(long customerId, long sessionId) {
        return jdbc.sql(GROW).param("customer", customerId).param("session", sessionId).update();
    }
}
