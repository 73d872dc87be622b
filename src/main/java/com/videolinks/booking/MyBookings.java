package com.videolinks.booking;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/** A customer's bookings with each session's link as the My Bookings channel allows (S21). */
@Service
public class MyBookings {

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

    public List<BookingView> of(long customerId) {
        return bookings.ofCustomer(customerId).stream()
                .map(booking -> {
                    Session session = sessions.get(booking.sessionId());
                    return new BookingView(booking.id(), session.id(), services.get(session.serviceId()).name(),
                            session.startsAt(), session.endsAt(), booking.status(),
                            CustomerLink.of(links.decide(session, Channel.MY_BOOKINGS)));
                })
                .sorted(Comparator.comparing(BookingView::startsAt))
                .toList();
    }
}
