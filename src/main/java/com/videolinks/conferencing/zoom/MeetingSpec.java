package com.videolinks.conferencing.zoom;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.modulith.NamedInterface;

/** The meeting a session needs: topic, start, duration in minutes and the site's time zone (S5). */
@NamedInterface("zoom")
public record MeetingSpec(String topic, Instant startsAt, int durationMinutes, ZoneId timeZone, String agenda) {
}
