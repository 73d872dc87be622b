package com.videolinks.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A session's time in the customer's zone and language; remembered spans read exactly as freshly formatted ones (#13). */
class CustomerTimeTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aSpanReadsInTheCustomersZoneAndLanguage() {
        Instant start = Instant.parse("2030-01-10T01:00:00Z");
        Instant end = Instant.parse("2030-01-10T02:00:00Z");

        assertThat(CustomerTime.span(start, end, SEOUL, Locale.ENGLISH))
                .isEqualTo("Thursday, January 10, 2030 10:00 AM – 11:00 AM (Korean Standard Time)");
        assertThat(CustomerTime.span(start, end, SEOUL, Locale.KOREAN)).contains("2030년 1월 10일 목요일", "대한민국 표준시");
        assertThat(CustomerTime.span(start, end, NEW_YORK, Locale.ENGLISH))
                .isEqualTo("Wednesday, January 9, 2030 8:00 PM – 9:00 PM (Eastern Standard Time)");
    }

    @Test
    void aRememberedSpanIsTheSameTextAndEveryPartOfTheQuestionCounts() {
        Instant start = Instant.parse("2030-07-01T23:30:00Z");
        Instant end = Instant.parse("2030-07-02T00:30:00Z");
        String first = CustomerTime.span(start, end, NEW_YORK, Locale.ENGLISH);

        assertThat(CustomerTime.span(start, end, NEW_YORK, Locale.ENGLISH)).isEqualTo(first)
                .isEqualTo(CustomerTime.format(start, end, NEW_YORK, Locale.ENGLISH))
                .contains("Eastern Daylight Time");
        assertThat(CustomerTime.span(start, end.plusSeconds(3600), NEW_YORK, Locale.ENGLISH)).contains("– 9:30 PM");
        assertThat(CustomerTime.span(start, end, SEOUL, Locale.ENGLISH))
                .isEqualTo("Tuesday, July 2, 2030 8:30 AM – 9:30 AM (Korean Standard Time)");
        assertThat(CustomerTime.span(start, end, NEW_YORK, Locale.KOREAN)).isNotEqualTo(first)
                .isEqualTo(CustomerTime.format(start, end, NEW_YORK, Locale.KOREAN));
    }
}
