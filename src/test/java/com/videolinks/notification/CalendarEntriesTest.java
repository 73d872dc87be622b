package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.videolinks.notification.EmailContent.CalendarFile;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * #13: the calendar entry of a customer's session, written with ical4j and read back as a calendar program does:
 * valid iTIP REQUEST, one UID per customer and session, a SEQUENCE that grows with every email, the send time as
 * DTSTAMP, the join link only when the email shows it (S21), one file per session for a course (S19).
 */
class CalendarEntriesTest {

    private static final Instant SENT = Instant.parse("2029-12-01T09:30:00Z");
    private static final CalendarEntries.Parties PARTIES = new CalendarEntries.Parties("Mina Yoga Seoul",
            "Mina Yoga <hello@mina.example>", "Soyeon", "soyeon@example.com", 7);

    private final Map<String, Integer> sequences = new HashMap<>();
    private final CalendarEntries entries = new CalendarEntries(
            (customer, session) -> sequences.merge(customer + "/" + session, 1, Integer::sum) - 1,
            Clock.fixed(SENT, ZoneOffset.UTC), properties());

    @Test
    void s21_aShownLinkIsTheEntrysLocationAndTheNextEmailUpdatesTheSameEntry() throws Exception {
        CalendarFile first = single(entries.requests(PARTIES, List.of(shown(41, "https://meet.example.com/a"))));
        CalendarFile second = single(entries.requests(PARTIES, List.of(shown(41, "https://meet.example.com/b"))));

        assertThat(first.fileName()).isEqualTo("invite.ics");
        assertThat(first.method()).isEqualTo("REQUEST");
        VEvent before = event(first);
        VEvent after = event(second);
        assertThat(value(before, Property.UID)).isEqualTo("session-41.customer-7@bookings.example.com")
                .isEqualTo(value(after, Property.UID));
        assertThat(value(before, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(after, Property.LOCATION)).isEqualTo("https://meet.example.com/b");
        assertThat(after.getProperties(Property.DTSTAMP)).hasSize(1);
        assertThat(value(after, Property.DTSTAMP)).isEqualTo("20291201T093000Z");
        assertThat(value(after, Property.ORGANIZER)).isEqualTo("mailto:hello@mina.example");
        assertThat(parse(second).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    }

    @Test
    void s21_withoutAShownLinkTheEntryHasNoLocationAndNothingOfTheLink() throws Exception {
        CalendarFile file = single(entries.requests(PARTIES, List.of(new CalendarEntries.Entry(41, "Morning Flow",
                Instant.parse("2030-01-10T01:00:00Z"), Instant.parse("2030-01-10T02:00:00Z"), null,
                "The business shows the video link on your My Bookings page", page(41)))));

        VEvent event = event(file);
        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
        assertThat(value(event, Property.URL)).isEqualTo(page(41));
        assertThat(file.ics()).doesNotContain("meet.example.com");
    }

    @Test
    void s19_aCourseEmailCarriesOneEntryPerSessionEachWithItsOwnUid() throws Exception {
        List<CalendarFile> files = entries.requests(PARTIES, List.of(shown(41, "https://meet.example.com/c"),
                shown(42, "https://meet.example.com/c")));

        assertThat(files).extracting(CalendarFile::fileName).containsExactly("session-41.ics", "session-42.ics");
        assertThat(files).extracting(file -> value(event(file), Property.UID)).doesNotHaveDuplicates();
    }

    @Test
    void aQuotedAddressOfTheCustomerStillMakesAValidEntry() throws Exception {
        CalendarEntries.Parties quoted = new CalendarEntries.Parties("Mina Yoga Seoul", "hello@mina.example", "Soyeon",
                "\"soyeon park\"@example.com", 8);

        VEvent event = event(single(entries.requests(quoted, List.of(shown(41, "https://meet.example.com/a")))));

        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:%22soyeon%20park%22@example.com");
    }

    private static CalendarEntries.Entry shown(long session, String url) {
        return new CalendarEntries.Entry(session, "Morning Flow at Mina Yoga Seoul", Instant.parse("2030-01-10T01:00:00Z"),
                Instant.parse("2030-01-10T02:00:00Z"), url, "Link: " + url + "\nPassword: pw", page(session));
    }

    private static String page(long session) {
        return "https://bookings.example.com/member/sessions/" + session;
    }

    private static NotificationProperties properties() {
        return new NotificationProperties("hello@videolinks.example", URI.create("https://bookings.example.com"),
                new NotificationProperties.Dispatch(true, java.time.Duration.ofSeconds(10), 50,
                        java.time.Duration.ofMinutes(5)),
                new NotificationProperties.Retry(8, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30)),
                java.time.Duration.ofMinutes(1), 500, java.time.Duration.ofMinutes(2), java.time.Duration.ofDays(180), "", "",
                java.time.Duration.ofSeconds(5));
    }

    private static CalendarFile single(List<CalendarFile> files) {
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static Calendar parse(CalendarFile file) {
        try {
            return new CalendarBuilder().build(new StringReader(file.ics()));
        } catch (Exception e) {
            throw new AssertionError("not iCalendar: " + file.ics(), e);
        }
    }

    private static VEvent event(CalendarFile file) {
        List<VEvent> events = parse(file).getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
