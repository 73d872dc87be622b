package com.videolinks.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** #13: the .ics attachments of a received email, parsed back with ical4j as a calendar program reads them. */
public record CalendarAttachments(List<Attached> files) {

    /** One attachment: its MIME content type (with the iTIP method) and the calendar it holds. */
    public record Attached(String contentType, String fileName, Calendar calendar) {

        public VEvent event() {
            List<VEvent> events = calendar.getComponents("VEVENT");
            if (events.size() != 1) {
                throw new AssertionError("expected one VEVENT, found " + events.size());
            }
            return events.get(0);
        }

        public String method() {
            return value(calendar.getProperty(Property.METHOD));
        }

        public String uid() {
            return value(event().getProperty(Property.UID));
        }

        public int sequence() {
            return Integer.parseInt(value(event().getProperty(Property.SEQUENCE)));
        }

        /** The value of a property of the event, null when it has none. */
        public String eventValue(String property) {
            return value(event().getProperty(property));
        }

        private static String value(Optional<Property> property) {
            return property.map(Property::getValue).orElse(null);
        }
    }

    public static CalendarAttachments of(Part message) {
        List<Attached> files = new ArrayList<>();
        try {
            collect(message, files);
        } catch (MessagingException | IOException | ParserException e) {
            throw new IllegalStateException("unreadable calendar attachment", e);
        }
        return new CalendarAttachments(files);
    }

    public Attached single() {
        if (files.size() != 1) {
            throw new AssertionError("expected one calendar attachment, found " + files.size());
        }
        return files.get(0);
    }

    private static void collect(Part part, List<Attached> files) throws MessagingException, IOException, ParserException {
        if (part.isMimeType("text/calendar")) {
            String ics = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            files.add(new Attached(part.getContentType(), part.getFileName(),
                    new CalendarBuilder().build(new StringReader(ics))));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, files);
            }
        }
    }
}
