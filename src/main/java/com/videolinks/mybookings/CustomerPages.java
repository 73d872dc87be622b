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
import com.videolinks.links.NoLink;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;

/**
 * What the customer pages show. My Bookings follows the MY_BOOKINGS channel (S21) — the same list as
 * {@code GET /api/me/bookings}; a session's page in the member area follows MEMBER_PAGES (S22). A link a channel
 * does not show is never put in the page model, so no template can print it.
 */
@Component
class CustomerPages {

    // The page records are public (their class stays package-private) so that the SpEL compiler can turn the
    // templates' *{...} reads into bytecode: it only compiles calls to public methods of public types (#13).

    /** The My Bookings page: upcoming sessions first (soonest first), then past ones (latest first). */
    public record MyBookingsPage(String customerName, long siteId, String siteName, List<Row> upcoming, List<Row> past) {

        /** Both lists as the page shows them, each with its element id and message keys. */
        public List<Section> sections() {
            return List.of(new Section("upcoming", "myBookings.upcoming", "myBookings.noUpcoming", upcoming),
                    new Section("past", "myBookings.past", "myBookings.noPast", past));
        }
    }

    /** One list of the page: its element id, the message keys of its heading and of "nothing here", its rows. */
    public record Section(String id, String title, String empty, List<Row> rows) {
    }

    public record Row(long bookingId, long sessionId, String serviceName, String when, boolean cancelled, PageLink link) {
    }

    /** One booked session on its member-area page. */
    public record SessionPage(String customerName, long siteId, String siteName, long sessionId, String serviceName, String when,
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
        Site site = sites.get(customer.siteId());
        List<MyBookings.Row> rows = myBookings.rows(customer.id(), site);
        List<Row> upcoming = rows.stream().filter(r -> r.booking().endsAt().isAfter(now))
                .map(r -> row(customer, r)).toList();
        List<Row> past = rows.stream().filter(r -> !r.booking().endsAt().isAfter(now))
                .sorted(Comparator.comparing((MyBookings.Row r) -> r.booking().startsAt()).reversed())
                .map(r -> row(customer, r)).toList();
        return new MyBookingsPage(customer.name(), customer.siteId(), site.name(), upcoming, past);
    }

    /** Only a session the customer booked has a page for them; any other id is not found. */
    Optional<SessionPage> session(Customer customer, long sessionId) {
        return bookings.find(sessionId, customer.id()).map(booking -> {
            Session session = sessions.get(sessionId);
            SessionView view = links.view(session);
            return new SessionPage(customer.name(), customer.siteId(), sites.get(customer.siteId()).name(), sessionId,
                    services.get(session.serviceId()).name(),
                    when(customer, session.startsAt(), session.endsAt()),
                    link(view, Channel.MEMBER_PAGES));
        });
    }

    private Row row(Customer customer, MyBookings.Row row) {
        BookingView booking = row.booking();
        return new Row(booking.bookingId(), booking.sessionId(), booking.serviceName(),
                when(customer, booking.startsAt(), booking.endsAt()),
                booking.status() == Booking.BookingStatus.CANCELLED,
                link(row.links(), Channel.MY_BOOKINGS));
    }

    /**
     * What the page says about the link, read from the session's view: the link itself only when this channel
     * shows it; where else it is shown (another page first: it is one click away, S21, S22); why there is none.
     */
    private static PageLink link(SessionView view, Channel channel) {
        LinkDecision decision = view.on(channel);
        return switch (decision.status()) {
            case SHOWN -> PageLink.shown(CustomerLink.of(decision));
            case HIDDEN -> PageLink.withoutLink("HIDDEN", elsewhere(view, channel));
            case PENDING -> PageLink.withoutLink("PENDING", null);
            case NONE -> PageLink.withoutLink("NONE", NoLink.why(decision));
        };
    }

    private static String elsewhere(SessionView view, Channel hiddenOn) {
        Channel other = view.shownElsewhere(hiddenOn);
        return other == null ? "BUSINESS" : other.name();
    }

    private static String when(Customer customer, Instant start, Instant end) {
        Locale language = Languages.forCustomer(customer.locale());
        return CustomerTime.span(start, end, customer.timeZone(), language);
    }
}
