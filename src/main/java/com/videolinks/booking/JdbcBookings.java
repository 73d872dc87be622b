package com.videolinks.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBookings implements Bookings {

    private static final String INSERT = """
            insert into booking (session_id, customer_id, status, booked_at)
            values (:sessionId, :customerId, 'BOOKED', :now)
            """;
    private static final String COLUMNS = "id, session_id, customer_id, status, booked_at";
    private static final String BY_SESSION_AND_CUSTOMER = "select " + COLUMNS
            + " from booking where session_id = :sessionId and customer_id = :customerId";
    private static final String BY_CUSTOMER = "select " + COLUMNS + " from booking where customer_id = :customerId order by id";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBookings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Booking book(long sessionId, long customerId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("sessionId", sessionId).param("customerId", customerId)
                .param("now", Timestamp.from(clock.instant())).update(key, "id");
        return find(sessionId, customerId).orElseThrow();
    }

    @Override
    public Optional<Booking> find(long sessionId, long customerId) {
        return jdbc.sql(BY_SESSION_AND_CUSTOMER).param("sessionId", sessionId).param("customerId", customerId)
                .query(JdbcBookings::map).optional();
    }

    @Override
    public List<Booking> ofCustomer(long customerId) {
        return jdbc.sql(BY_CUSTOMER).param("customerId", customerId).query(JdbcBookings::map).list();
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("customer_id"),
                Booking.BookingStatus.valueOf(rs.getString("status")), rs.getTimestamp("booked_at").toInstant());
    }
}
