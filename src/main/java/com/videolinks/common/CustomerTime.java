package com.videolinks.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A session's time as a customer reads it: in their time zone and language, with the zone's name. */
public final class CustomerTime {

    private CustomerTime() {
    }

    /** e.g. "Thursday, January 10, 2030, 10:00 AM – 11:00 AM Korean Standard Time". */
    public static String span(Instant start, Instant end, ZoneId zone, Locale locale) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String until = from.toLocalDate().equals(to.toLocalDate())
                ? time.format(to) : date.format(to) + " " + time.format(to);
        return date.format(from) + " " + time.format(from) + " – " + until + " ("
                + DateTimeFormatter.ofPattern("zzzz", locale).format(from) + ")";
    }
}
