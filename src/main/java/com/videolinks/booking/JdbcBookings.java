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

import com.videolinks.session.Sessions;

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
    // which sessions are a site's, a course's or upcoming the session feature says (Sessions): this feature reads
    // only its own tables
    private static final String BY_HOST_ID = "select " + COLUMNS + " from booking where host_id = :hostId order by id";
    private static final String SET_HOST_ID = "update booking set host_id = :hostId where id = :id";
    private static final String SET_STATUS = "update booking set status = :status where id = :id";
    private static final String BOOKED_ON_SESSION = "select " + COLUMNS
            + " from booking where session_id = :sessionId and status = 'BOOKED' order by id";
    private static final String BOOKED_ON_SESSIONS = "select " + COLUMNS
            + " from booking where session_id in (:sessionIds) and status = 'BOOKED' order by id";
    private static final String BOOKED_SESSIONS_AMONG = """
            select distinct session_id from booking where session_id in (:sessionIds) and status = 'BOOKED'
            """;
    private static final String BOOKED_BY_CUSTOMER_ON_SESSIONS = """
            select id, session_id, customer_id, status, booked_at from booking
            where customer_id = :customerId and session_id in (:sessionIds) and status = 'BOOKED'
            """;
    private static final String CUSTOMERS_BOOKED_ON_SESSIONS = """
            select distinct customer_id from booking
            where session_id in (:sessionIds) and status = 'BOOKED' and customer_id > :after
            order by customer_id
            limit :limit
            """;
    private static final String COUNT_CUSTOMERS_BOOKED_ON_SESSIONS = """
            select count(distinct customer_id) from booking where session_id in (:sessionIds) and status = 'BOOKED'
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sessions sessions;

    JdbcBookings(JdbcClient jdbc, Clock clock, Sessions sessions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
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
        // host ids are the host's per site: the few bookings that carry this one, kept if their session is the site's
        List<Booking> carrying = jdbc.sql(BY_HOST_ID).param("hostId", hostId).query(JdbcBookings::map).list();
        if (carrying.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<Long> ofSite = sessions.ofSiteAmong(siteId, carrying.stream().map(Booking::sessionId).toList());
        return carrying.stream().filter(booking -> ofSite.contains(booking.sessionId())).findFirst();
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
        // pages of the sessions not over (the session feature's), keeping those somebody has booked, until the page is full
        List<Long> booked = new java.util.ArrayList<>();
        long after = afterSessionId;
        while (booked.size() < limit) {
            List<Long> notOver = sessions.notOverPage(now, after, limit);
            if (notOver.isEmpty()) {
                break;
            }
            java.util.Set<Long> withBookings = java.util.Set.copyOf(jdbc.sql(BOOKED_SESSIONS_AMONG)
                    .param("sessionIds", notOver).query(Long.class).list());
            notOver.stream().filter(withBookings::contains).limit(limit - booked.size()).forEach(booked::add);
            after = notOver.get(notOver.size() - 1);
        }
        return booked;
    }

    @Override
    public List<Booking> bookedByCustomerInService(long customerId, long serviceId) {
        List<Long> byStart = sessions.idsOfService(serviceId, true);
        if (byStart.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < byStart.size(); i++) {
            order.put(byStart.get(i), i);
        }
        return jdbc.sql(BOOKED_BY_CUSTOMER_ON_SESSIONS).param("customerId", customerId).param("sessionIds", byStart)
                .query(JdbcBookings::map).list().stream()
                .sorted(java.util.Comparator.comparing((Booking booking) -> order.get(booking.sessionId()))
                        .thenComparing(Booking::id))
                .toList();
    }

    @Override
    public List<Long> customersBookedInService(long serviceId, long afterCustomerId, int limit) {
        List<Long> held = sessions.idsOfService(serviceId, false);
        return held.isEmpty() ? List.of() : jdbc.sql(CUSTOMERS_BOOKED_ON_SESSIONS).param("sessionIds", held)
                .param("after", afterCustomerId).param("limit", limit).query(Long.class).list();
    }

    @Override
    public long countCustomersBookedInService(long serviceId) {
        List<Long> held = sessions.idsOfService(serviceId, false);
        return held.isEmpty() ? 0 : jdbc.sql(COUNT_CUSTOMERS_BOOKED_ON_SESSIONS).param("sessionIds", held)
                .query(Long.class).single();
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("customer_id"),
                Booking.BookingStatus.valueOf(rs.getString("status")), rs.getTimestamp("booked_at").toInstant());
    }
}
