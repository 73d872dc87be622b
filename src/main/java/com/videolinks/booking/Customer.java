package com.videolinks.booking;

import java.time.ZoneId;
import java.util.Locale;

/** A customer of a site, with the language and time zone their messages use. */
public record Customer(long id, long siteId, String name, String email, Locale locale, ZoneId timeZone) {
}
