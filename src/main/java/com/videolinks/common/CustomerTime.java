package com.videolinks.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** A session's time as a customer reads it: in their time zone and language, with the zone's name. */
public final class CustomerTime {

    /** The three formatters of a language (immutable and thread-safe), made once: a page formats every row (#13). */
    private record Formats(DateTimeFormatter date, DateTimeFormatter time, DateTimeFormatter zone) {

        static Formats of(Locale locale) {
            return new Formats(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale),
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale),
                    DateTimeFormatter.ofPattern("zzzz", locale));
        }
    }

    // one entry per language asked for: a handful (customers read Korean or English; staff choose among ISO languages)
    private static final Map<Locale, Formats> FORMATS = new ConcurrentHashMap<>();

    /** A span as asked: the text depends on nothing else (the JVM's zone rules do not change while it runs). */
    private record Span(Instant start, Instant end, ZoneId zone, Locale locale) {
    }

    static final int MAX_SPANS = 10_000;

    // every My Bookings page formatted each of its rows again: the same few sessions for the same customers (#13)
    private static final Cache<Span, String> SPANS = Caffeine.newBuilder().maximumSize(MAX_SPANS).build();

    private CustomerTime() {
    }

    /** e.g. "Thursday, January 10, 2030 10:00 AM – 11:00 AM (Korean Standard Time)". */
    public static String span(Instant start, Instant end, ZoneId zone, Locale locale) {
        return SPANS.get(new Span(start, end, zone, locale), CustomerTime::format);
    }

    private static String format(Span span) {
        return format(span.start(), span.end(), span.zone(), span.locale());
    }

    static String format(Instant start, Instant end, ZoneId zone, Locale locale) {
        Formats formats = FORMATS.computeIfAbsent(locale, Formats::of);
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        String until = from.toLocalDate().equals(to.toLocalDate())
                ? formats.time().format(to) : formats.date().format(to) + " " + formats.time().format(to);
        return formats.date().format(from) + " " + formats.time().format(from) + " – " + until + " ("
                + formats.zone().format(from) + ")";
    }
}
