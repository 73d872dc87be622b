package com.videolinks.booking;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.catalog.ServiceSummary;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;

/**
 * A customer's bookings with each session's link as the My Bookings channel allows (S21). All rows in one batch:
 * bookings, sessions and services in one query each, the policy's other facts in bulk (the services read for
 * their names are not read again), the sessions evaluated together.
 */
@Service
public class MyBookings {

    /** One booking with everything the policy said about its session (for pages that explain a missing link). */
    public record Row(BookingView booking, SessionView links) {
    }

    private final Bookings bookings;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final SessionLinks links;

    MyBookings(Bookings bookings, Sessions sessions, ServiceOfferings services, SessionLinks links) {
        this.bookings = bookings;
        this.sessions = sessions;
        this.services = services;
        this.links = links;
    }

    /** {@code GET /api/me/bookings}: soonest first, each link as MY_BOOKINGS shows it. */
    public List<BookingView> of(long customerId) {
        return rows(customerId).stream().map(Row::booking).toList();
    }

    /** As {@link #of}, with each session's whole view. */
    public List<Row> rows(long customerId) {
        return rows(customerId, null);
    }

    /** {@link #rows(long)} for a caller that has read the customer's site: the facts do not read it again. */
    public List<Row> rows(long customerId, Site customerSite) {
        List<Booking> booked = bookings.ofCustomer(customerId);
        if (booked.isEmpty()) {
            return List.of();
        }
        Map<Long, Session> sessionById = sessions.findAll(booked.stream().map(Booking::sessionId).distinct().toList())
                .stream().collect(Collectors.toMap(Session::id, Function.identity()));
        Map<Long, ServiceSummary> serviceById = services.summaries(sessionById.values().stream()
                .map(Session::serviceId).distinct().toList())
                .stream().collect(Collectors.toMap(ServiceSummary::id, Function.identity()));
        Map<Long, SessionView> views = links.views(sessionById.values(), serviceById,
                customerSite == null ? Map.of() : Map.of(customerSite.id(), customerSite));
        return booked.stream()
                .map(booking -> {
                    Session session = sessionById.get(booking.sessionId());
                    SessionView view = views.get(session.id());
                    return new Row(new BookingView(booking.id(), session.id(),
                            serviceById.get(session.serviceId()).name(), session.startsAt(), session.endsAt(),
                            booking.status(), CustomerLink.of(view.on(Channel.MY_BOOKINGS))), view);
                })
                .sorted(Comparator.comparing(row -> row.booking().startsAt()))
                .toList();
    }
}
