package com.videolinks.mybookings;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.videolinks.booking.Booking;
import com.videolinks.booking.BookingView;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.CustomerLink;
import com.videolinks.booking.Customer;
import com.videolinks.booking.MyBookings;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.CustomerTime;
import com.videolinks.common.Languages;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Sites;

/**
 * What the customer pages show. My Bookings follows the MY_BOOKINGS channel (S21) — the same list as
 * {@code GET /api/me/bookings}; a session's page in the member area follows MEMBER_PAGES (S22). A link a channel
 * does not show is never put in the page model, so no template can print it.
 */
@Component
class CustomerPages {

    /** The My Bookings page: upcoming sessions first (soonest first), then past ones (latest first). */
    record MyBookingsPage(String customerName, long siteId, String siteName, List<Row> upcoming, List<Row> past) {
    }

    record Row(long bookingId, long sessionId, String serviceName, String when, boolean cancelled, PageLink link) {
    }

    /** One booked session on its member-area page. */
    record SessionPage(String customerName, long siteId, String siteName, long sessionId, String serviceName, String when,
                       PageLink link) {
    }

    private final MyBookings myBookings;
    private final Bookings bookings;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final SessionLinks links;
    private final Clock clock;

    CustomerPages(MyBookings myBookings, Bookings bookings, Sessions sessions, ServiceOfferings services, Sites sites,
                  SessionLinks links, Clock clock) {
        this.myBookings = myBookings;
        this.bookings = bookings;
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.links = links;
        this.clock = clock;
    }

    MyBookingsPage myBookings(Customer customer) {
        Instant now = clock.instant();
        List<BookingView> bookings = myBookings.of(customer.id());
        List<Row> upcoming = bookings.stream().filter(b -> b.endsAt().isAfter(now))
                .map(b -> row(customer, b)).toList();
        List<Row> past = bookings.stream().filter(b -> !b.endsAt().isAfter(now))
                .sorted(Comparator.comparing(BookingView::startsAt).reversed())
                .map(b -> row(customer, b)).toList();
        return new MyBookingsPage(customer.name(), customer.siteId(), sites.get(customer.siteId()).name(), upcoming, past);
    }

    /** Only a session the customer booked has a page for them; any other id is not found. */
    Optional<SessionPage> session(Customer customer, long sessionId) {
        return bookings.find(sessionId, customer.id()).map(booking -> {
            Session session = sessions.get(sessionId);
            LinkDecision decision = links.decide(session, Channel.MEMBER_PAGES);
            return new SessionPage(customer.name(), customer.siteId(), sites.get(customer.siteId()).name(), sessionId,
                    services.get(session.serviceId()).name(),
                    when(customer, session.startsAt(), session.endsAt()),
                    link(CustomerLink.of(decision), session, Channel.MEMBER_PAGES));
        });
    }

    private Row row(Customer customer, BookingView booking) {
        Session session = sessions.get(booking.sessionId());
        return new Row(booking.bookingId(), booking.sessionId(), booking.serviceName(),
                when(customer, booking.startsAt(), booking.endsAt()),
                booking.status() == Booking.BookingStatus.CANCELLED,
                link(booking.videoLink(), session, Channel.MY_BOOKINGS));
    }

    private PageLink link(CustomerLink link, Session session, Channel channel) {
        return switch (link.status()) {
            case SHOWN -> PageLink.shown(link);
            case HIDDEN -> PageLink.withoutLink("HIDDEN", elsewhere(session, channel));
            case PENDING -> PageLink.withoutLink("PENDING", null);
            case NONE -> PageLink.withoutLink("NONE", session.manualLink() == ManualLink.REMOVED ? "REMOVED"
                    : !session.online() && session.manualLink() != ManualLink.ADDED ? "IN_PERSON" : "UNAVAILABLE");
        };
    }

    /**
     * S21, S22: where else the business shows the link, if anywhere (another page first: it is one click away);
     * never the link itself.
     */
    private String elsewhere(Session session, Channel hiddenOn) {
        for (Channel other : List.of(Channel.MY_BOOKINGS, Channel.MEMBER_PAGES, Channel.CONFIRMATION_EMAIL)) {
            if (other != hiddenOn && links.decide(session, other).shown()) {
                return other.name();
            }
        }
        return "BUSINESS";
    }

    private static String when(Customer customer, Instant start, Instant end) {
        Locale language = Languages.forCustomer(customer.locale());
        return CustomerTime.span(start, end, customer.timeZone(), language);
    }
}
