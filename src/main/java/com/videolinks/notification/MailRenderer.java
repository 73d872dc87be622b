package com.videolinks.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.videolinks.booking.Booking;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.CustomerTime;
import com.videolinks.common.Languages;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.links.NoLink;
import com.videolinks.links.SessionLinks;
import com.videolinks.notification.MailModel.LinkView;
import com.videolinks.notification.MailModel.SessionLine;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * Turns an outbox row into the email to send <em>now</em>: it asks the policy what the CONFIRMATION_EMAIL channel
 * shows at send time (S21), so a link hidden or changed after the row was written never goes out, and a link
 * that became available meanwhile does. A row with nothing left to say (booking cancelled, session over, a later
 * change of the same link written for the same customer) is skipped.
 */
@Component
class MailRenderer {

    sealed interface Rendering permits Ready, Skip {
    }

    /**
     * An email to send; {@code promised} maps the bookings told "the link will follow" to their session,
     * {@code settled} are the bookings whose customer now knows where they stand.
     */
    record Ready(EmailContent email, String linkStatus, Map<Long, Long> promised, List<Long> settled)
            implements Rendering {
    }

    record Skip(String reason) implements Rendering {
    }

    static final String BACK_AS_BEFORE = "no effective change: the session shows the customer what it showed before";
    static final String SUPERSEDED = "superseded: the customer gets the email of a later change of this link";

    private record Line(Booking booking, Session session, LinkView view) {
    }

    private final Outbox outbox;
    private final Customers customers;
    private final Bookings bookings;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final SessionLinks links;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Clock clock;
    private final StaffMembers staff;
    private final ConferencingAccounts accounts;
    private final SecretBox secrets;

    /**
     * The language of staff members' emails (#6): staff have no locale of their own, and the seed's business and
     * its customers speak Korean (docs/adr-004-customer-notifications.md).
     */
    static final java.util.Locale STAFF_LANGUAGE = Languages.KOREAN;

    MailRenderer(Outbox outbox, Customers customers, Bookings bookings, Sessions sessions, ServiceOfferings services, Sites sites,
                 SessionLinks links, MailTemplates templates, NotificationProperties properties, Clock clock,
                 StaffMembers staff, ConferencingAccounts accounts, SecretBox secrets) {
        this.secrets = secrets;
        this.staff = staff;
        this.accounts = accounts;
        this.outbox = outbox;
        this.customers = customers;
        this.bookings = bookings;
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.links = links;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    Rendering render(OutboxMessage message) {
        if (message.staffId() != null) {
            return toStaff(message);
        }
        Optional<Customer> customer = customers.find(message.customerId());
        if (customer.isEmpty()) {
            return new Skip("the customer no longer exists");
        }
        Site site = sites.get(message.siteId());
        return message.serviceId() != null
                ? course(message, customer.get(), site)
                : oneSession(message, customer.get(), site);
    }

    /**
     * #6: a staff member's email says what is true when it is sent: the account connected by the onboarding if it
     * is still theirs and connected, the Zoom sign-in reminder only while they have no connected Zoom account. It
     * never holds a link's password or description; the URL of their own link is shown to them, its owner.
     */
    private Rendering toStaff(OutboxMessage message) {
        Optional<Staff> member = staff.find(message.staffId());
        if (member.isEmpty()) {
            return new Skip("the staff member no longer exists");
        }
        Site site = sites.get(message.siteId());
        Optional<ConferencingAccount> account = Optional.ofNullable(member.get().accountId())
                .flatMap(accounts::find).filter(ConferencingAccount::connected);
        return switch (message.kind()) {
            case STAFF_ACCOUNT_CONNECTED -> account
                    .<Rendering>map(connected -> staffReady(message, member.get(), "staff-account-connected",
                            "staff.connected.subject", new StaffMailModel(member.get().name(), site.name(),
                                    connected.provider().name(), connected.zoomUser(),
                                    connected.link() == null ? null : connected.link().url(), null)))
                    .orElseGet(() -> new Skip("the staff member's own account is no longer connected"));
            case STAFF_ZOOM_SIGN_IN_REMINDER -> account.isPresent()
                    ? new Skip("the staff member's own account is connected now")
                    : staffReady(message, member.get(), "staff-zoom-reminder", "staff.reminder.subject",
                            new StaffMailModel(member.get().name(), site.name(), null, null, null,
                                    "POST /api/staff/" + member.get().id() + "/account/zoom-authorization"));
            default -> throw new IllegalStateException("not a staff email: " + message.kind());
        };
    }

    private Ready staffReady(OutboxMessage message, Staff member, String template, String subject,
                             StaffMailModel model) {
        EmailContent email = templates.renderStaff(template, STAFF_LANGUAGE, model, subject, member.email())
                .inTheNameOf(sites.get(message.siteId()).name());
        return new Ready(email, model.linkUrl() == null ? "NONE" : "SHOWN", Map.of(), List.of());
    }

    private Rendering oneSession(OutboxMessage message, Customer customer, Site site) {
        Booking booking = message.bookingId() == null ? null : bookings.find(message.bookingId()).orElse(null);
        if (booking == null || booking.status() != Booking.BookingStatus.BOOKED) {
            return new Skip("the booking was cancelled");
        }
        Session session = sessions.get(booking.sessionId());
        Optional<String> over = over(session);
        if (over.isPresent()) {
            return new Skip(over.get());
        }
        if (message.kind() == NotificationKind.LINK_CHANGED && outbox.hasNewerChange(message)) {
            return new Skip(SUPERSEDED);
        }
        SessionView view = links.view(session);
        if (message.kind() == NotificationKind.LINK_CHANGED && message.beforeState() != null
                && !LinkState.of(view, secrets).effectiveChangeFrom(LinkState.parse(message.beforeState()))) {
            return new Skip(BACK_AS_BEFORE);
        }
        Line line = line(booking, session, view);
        if (message.kind() == NotificationKind.LINK_READY && !line.view().shown()) {
            return new Skip("the link is no longer shown in emails (" + line.view().status() + ")");
        }
        return ready(message, customer, site, services.get(session.serviceId()), List.of(line));
    }

    /** S19: one email per customer for a course edit, listing their sessions still to come. */
    private Rendering course(OutboxMessage message, Customer customer, Site site) {
        ServiceOffering course = services.get(message.serviceId());
        if (outbox.hasNewerChange(message)) {
            return new Skip(SUPERSEDED);
        }
        List<Booking> booked = bookings.bookedByCustomerInService(customer.id(), course.id());
        Map<Long, Session> toCome = new LinkedHashMap<>();
        sessions.findAll(booked.stream().map(Booking::sessionId).distinct().toList()).stream()
                .filter(session -> over(session).isEmpty())
                .forEach(session -> toCome.put(session.id(), session));
        Map<Long, SessionView> views = links.views(toCome.values());
        List<Line> lines = booked.stream().filter(booking -> toCome.containsKey(booking.sessionId()))
                .map(booking -> line(booking, toCome.get(booking.sessionId()), views.get(booking.sessionId())))
                .toList();
        if (lines.isEmpty()) {
            return new Skip("none of the customer's sessions of the course is still to come");
        }
        return ready(message, customer, site, course, lines);
    }

    private Ready ready(OutboxMessage message, Customer customer, Site site, ServiceOffering service, List<Line> lines) {
        boolean sameForAll = lines.stream().map(Line::view).distinct().count() == 1;
        List<SessionLine> sessionLines = lines.stream()
                .map(line -> new SessionLine(CustomerTime.span(line.session().startsAt(), line.session().endsAt(),
                        customer.timeZone(), Languages.forCustomer(customer.locale())), sameForAll ? null : line.view()))
                .toList();
        MailModel model = new MailModel(customer.name(), site.name(), service.name(), message.serviceId() != null,
                sessionLines, sameForAll ? lines.get(0).view() : null, oldUrl(message, lines));
        EmailContent email = templates.render(template(message.kind()), customer.locale(), model,
                subject(message.kind()), customer.email()).inTheNameOf(site.name());
        Map<Long, Long> promised = new LinkedHashMap<>();
        lines.stream().filter(line -> "PENDING".equals(line.view().status()))
                .forEach(line -> promised.put(line.booking().id(), line.session().id()));
        List<Long> settled = lines.stream().filter(line -> !"PENDING".equals(line.view().status()))
                .map(line -> line.booking().id()).toList();
        String linkStatus = lines.stream().map(line -> line.view().status()).distinct().count() == 1
                ? lines.get(0).view().status() : "MIXED";
        return new Ready(email, linkStatus, promised, settled);
    }

    /**
     * The replaced link is named only when the email shows the new one for every session: the channel shows
     * links, so naming the old one reveals nothing the business hides (S21).
     */
    private static String oldUrl(OutboxMessage message, List<Line> lines) {
        String old = message.oldLinkUrl();
        if (message.kind() != NotificationKind.LINK_CHANGED || old == null
                || !lines.stream().allMatch(line -> line.view().shown())
                || lines.stream().anyMatch(line -> old.equals(line.view().url()))) {
            return null;
        }
        return old;
    }

    private Line line(Booking booking, Session session) {
        return line(booking, session, links.view(session));
    }

    /** What the email says about the link: read from the session's view, decided at send time (S21). */
    private Line line(Booking booking, Session session, SessionView view) {
        LinkDecision email = view.on(Channel.CONFIRMATION_EMAIL);
        LinkView link = switch (email.status()) {
            case SHOWN -> LinkView.shown(email.link().url(), email.link().password(), email.link().description());
            case HIDDEN -> elsewhere(view, session.id());
            case PENDING -> LinkView.pending();
            case NONE -> LinkView.none(NoLink.why(email));
        };
        return new Line(booking, session, link);
    }

    /** S21, S22: a link hidden from emails is pointed to where the business does show it, if anywhere. */
    private LinkView elsewhere(SessionView view, long sessionId) {
        Channel other = view.shownElsewhere(Channel.CONFIRMATION_EMAIL);
        if (other == Channel.MY_BOOKINGS) {
            return LinkView.hidden("MY_BOOKINGS", properties.myBookingsUrl());
        }
        if (other == Channel.MEMBER_PAGES) {
            return LinkView.hidden("MEMBER_PAGES", properties.memberSessionUrl(sessionId));
        }
        return LinkView.hidden("BUSINESS", null);
    }

    private Optional<String> over(Session session) {
        if (session.cancelled()) {
            return Optional.of("the session was cancelled");
        }
        if (!session.endsAt().isAfter(clock.instant())) {
            return Optional.of("the session is over");
        }
        return Optional.empty();
    }

    private static String template(NotificationKind kind) {
        return switch (kind) {
            case BOOKING_CONFIRMATION -> "booking-confirmation";
            case LINK_CHANGED -> "link-changed";
            case LINK_READY -> "link-ready";
            case STAFF_ACCOUNT_CONNECTED -> "staff-account-connected";
            case STAFF_ZOOM_SIGN_IN_REMINDER -> "staff-zoom-reminder";
        };
    }

    private static String subject(NotificationKind kind) {
        return switch (kind) {
            case BOOKING_CONFIRMATION -> "confirmation.subject";
            case LINK_CHANGED -> "changed.subject";
            case LINK_READY -> "ready.subject";
            case STAFF_ACCOUNT_CONNECTED -> "staff.connected.subject";
            case STAFF_ZOOM_SIGN_IN_REMINDER -> "staff.reminder.subject";
        };
    }
}
