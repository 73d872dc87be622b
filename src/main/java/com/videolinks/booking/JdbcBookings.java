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
    private static final String BY_ID = "select " + COLUMNS + " from booking where id = :id";
    private static final String BY_HOST_ID = """
            select b.id, b.session_id, b.customer_id, b.status, b.booked_at
            from booking b join session s on s.id = b.session_id join service v on v.id = s.service_id
            where v.site_id = :siteId and b.host_id = :hostId
            """;
    private static final String SET_HOST_ID = "update booking set host_id = :hostId where id = :id";
    private static final String SET_STATUS = "update booking set status = :status where id = :id";
    private static final String BOOKED_ON_SESSION = "select " + COLUMNS
            + " from booking where session_id = :sessionId and status = 'BOOKED' order by id";
    private static final String BOOKED_ON_SESSIONS = "select " + COLUMNS
            + " from booking where session_id in (:sessionIds) and status = 'BOOKED' order by id";
    private static final String UPCOMING_BOOKED_SESSIONS = """
            select distinct s.id from session s join booking b on b.session_id = s.id
            where b.status = 'BOOKED' and s.cancelled = false and s.ends_at > :now and s.id > :after
            order by s.id
            limit :limit
            """;
    private static final String BOOKED_BY_CUSTOMER_IN_SERVICE = """
            select b.id, b.session_id, b.customer_id, b.status, b.booked_at
            from booking b join session s on s.id = b.session_id
            where b.customer_id = :customerId and s.service_id = :serviceId and b.status = 'BOOKED'
            order by s.starts_at, b.id
            """;
    private static final String CUSTOMERS_BOOKED_IN_SERVICE = """
            select distinct b.customer_id
            from booking b join session s on s.id = b.session_id
            where s.service_id = :serviceId and s.cancelled = false and b.status = 'BOOKED'
              and b.customer_id > :after
            order by b.customer_id
            limit :limit
            """;

    private static final String COUNT_CUSTOMERS_BOOKED_IN_SERVICE = """
            select count(distinct b.customer_id)
            from booking b join session s on s.id = b.session_id
            where s.service_id = :serviceId and s.cancelled = false and b.status = 'BOOKED'
            """;

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

    @Override
    public Optional<Booking> find(long bookingId) {
        return jdbc.sql(BY_ID).param("id", bookingId).query(JdbcBookings::map).optional();
    }

    @Override
    public Optional<Booking> findByHostId(long siteId, String hostId) {
        return jdbc.sql(BY_HOST_ID).param("siteId", siteId).param("hostId", hostId).query(JdbcBookings::map).optional();
    }

    @Override
    public void setHostId(long bookingId, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", bookingId).param("hostId", hostId).update();
    }

    @Override
    public void cancel(long bookingId) {
        jdbc.sql(SET_STATUS).param("id", bookingId).param("status", Booking.BookingStatus.CANCELLED.name()).update();
    }

    @Override
    public void rebook(long bookingId) {
        jdbc.sql(SET_STATUS).param("id", bookingId).param("status", Booking.BookingStatus.BOOKED.name()).update();
    }

    @Override
    public List<Booking> bookedOnSession(long sessionId) {
        return jdbc.sql(BOOKED_ON_SESSION).param("sessionId", sessionId).query(JdbcBookings::map).list();
    }

    @Override
    public List<Booking> bookedOnSessions(java.util.Collection<Long> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : jdbc.sql(BOOKED_ON_SESSIONS)
                .param("sessionIds", List.copyOf(sessionIds)).query(JdbcBookings::map).list();
    }

    @Override
    public List<Long> upcomingBookedSessions(java.time.Instant now, long afterSessionId, int limit) {
        return jdbc.sql(UPCOMING_BOOKED_SESSIONS).param("now", java.sql.Timestamp.from(now))
                .param("after", afterSessionId).param("limit", limit).query(Long.class).list();
    }

    @Override
    public List<Booking> bookedByCustomerInService(long customerId, long serviceId) {
        return jdbc.sql(BOOKED_BY_CUSTOMER_IN_SERVICE).param("customerId", customerId).param("serviceId", serviceId)
                .query(JdbcBookings::map).list();
    }

    @Override
    public List<Long> customersBookedInService(long serviceId, long afterCustomerId, int limit) {
        return jdbc.sql(CUSTOMERS_BOOKED_IN_SERVICE).param("serviceId", serviceId).param("after", afterCustomerId)
                .param("limit", limit).query(Long.class).list();
    }

    @Override
    public long countCustomersBookedInService(long serviceId) {
        return jdbc.sql(COUNT_CUSTOMERS_BOOKED_IN_SERVICE).param("serviceId", serviceId).query(Long.class).single();
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("customer_id"),
                Booking.BookingStatus.valueOf(rs.getString("status")), rs.getTimestamp("booked_at").toInstant());
    }
}
