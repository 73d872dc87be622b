package com.videolinks.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.videolinks.notification.EmailContent.CalendarFile;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * #13: the calendar entry of a booked session, attached to every customer email about it (docs/adr-012-email-actions.md).
 * Its UID names the customer and the session, so each email updates the one entry in the customer's calendar; its
 * SEQUENCE is the next of that entry ({@link CalendarSequences}). It carries the session's times and title, its page,
 * and the join link only when the email shows it: {@code joinUrl} and {@code description} come from the email's own
 * link view, decided at send time (S21), and are null when the email does not show the link.
 */
@Component
class CalendarEntries {

    static final String PRODUCT = "-//videolinks//booking emails//EN";

    /** One session's entry: what the customer's calendar shows. */
    record Entry(long sessionId, String title, Instant startsAt, Instant endsAt, String joinUrl, String description,
                 String pageUrl) {
    }

    /** Who the entry is between: the business (organizer) and the customer (attendee). */
    record Parties(String businessName, String businessEmail, String customerName, String customerEmail,
                   long customerId) {
    }

    private final CalendarSequences sequences;
    private final Clock clock;
    private final String domain;

    CalendarEntries(CalendarSequences sequences, Clock clock, NotificationProperties properties) {
        this.sequences = sequences;
        this.clock = clock;
        this.domain = properties.publicBaseUrl().getHost() == null ? "videolinks.invalid"
                : properties.publicBaseUrl().getHost();
    }

    /** The UID of a customer's entry of a session: the same in every email about it. */
    String uid(long customerId, long sessionId) {
        return "session-" + sessionId + ".customer-" + customerId + "@" + domain;
    }

    /**
     * One METHOD:REQUEST file per session: an iTIP request holds the components of one UID (RFC 5546, 3.2.2), so a
     * course email lists each of its sessions in its own file.
     */
    List<CalendarFile> requests(Parties parties, List<Entry> entries) {
        return entries.stream().map(entry -> new CalendarFile(entries.size() == 1 ? "invite.ics"
                : "session-" + entry.sessionId() + ".ics", "REQUEST", request(parties, entry))).toList();
    }

    private String request(Parties parties, Entry entry) {
        int sequence = sequences.next(parties.customerId(), entry.sessionId());
        VEvent event = new VEvent(entry.startsAt(), entry.endsAt(), entry.title());
        event.add(new Uid(uid(parties.customerId(), entry.sessionId())));
        event.replace(new DtStamp(clock.instant())); // the constructor stamps the system clock
        event.add(new Sequence(sequence));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        Organizer organizer = new Organizer(mailto(parties.businessEmail()));
        organizer.add(new Cn(parties.businessName()));
        event.add(organizer);
        Attendee attendee = new Attendee(mailto(parties.customerEmail()));
        attendee.add(new Cn(parties.customerName()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.ACCEPTED);
        attendee.add(Rsvp.FALSE);
        event.add(attendee);
        if (entry.joinUrl() != null) {
            event.add(new Location(entry.joinUrl()));
        }
        if (entry.pageUrl() != null) {
            event.add(new Url(URI.create(entry.pageUrl())));
        }
        if (entry.description() != null && !entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.REQUEST);
        calendar.add(event);
        StringWriter ics = new StringWriter();
        try {
            // validated here (iCalendar and iTIP REQUEST rules), so a wrong entry fails the email, never goes out
            ValidationResult validation = calendar.validate();
            if (validation.hasErrors()) {
                throw new IllegalStateException("calendar entry of session " + entry.sessionId()
                        + " is not valid iCalendar: " + validation);
            }
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("calendar entry of session " + entry.sessionId() + " is not valid iCalendar: "
                    + e.getMessage(), e);
        }
        return ics.toString();
    }

    /**
     * {@code email} may be a whole address ({@code Name <a@b>}, as the configured sender may be): its address part,
     * quoted where a URI needs it (a quoted local part such as {@code "a b"@example.com} is a valid address).
     */
    private static URI mailto(String email) {
        try {
            return new URI("mailto", new InternetAddress(email.strip(), true).getAddress(), null);
        } catch (AddressException | URISyntaxException e) {
            throw new IllegalStateException("not an email address for a calendar entry: " + e.getMessage(), e);
        }
    }
}
