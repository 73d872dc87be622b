package com.videolinks.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;
import com.videolinks.support.SitesOfOneOwner;

/**
 * The questions that once joined other features' tables (TablesHaveOneOwnerTest), answered through the owners'
 * repositories: which sessions and bookings are a site's, a staff member's, a course's, upcoming and booked. Two
 * sites that use the same host ids keep apart.
 */
@JdbcTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = {Sites.class, StaffMembers.class, ServiceOfferings.class, Sessions.class, Customers.class, Bookings.class}))
@Import(ReadsThroughOwnersTest.Fixed.class)
class ReadsThroughOwnersTest {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TestConfiguration
    static class Fixed {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        SecretBox secretBox() {
            return new SecretBox(new SecretKeySpec(new byte[32], "AES"));
        }
    }

    @Autowired Sites sites;
    @Autowired StaffMembers staff;
    @Autowired ServiceOfferings services;
    @Autowired Sessions sessions;
    @Autowired Customers customers;
    @Autowired Bookings bookings;
    @Autowired JdbcClient jdbc;

    SitesOfOneOwner owner;
    Site siteA;
    Site siteB;
    Staff hana;

    @BeforeEach
    void twoSites() {
        owner = SitesOfOneOwner.start(jdbc, sites);
        siteA = owner.site("A");
        siteB = owner.site("B");
        hana = staff.create(siteA.id(), "Hana", "hana@example.com");
    }

    @Test
    void aHostIdNamesTheSessionAndBookingOfItsOwnSiteOnly() {
        Session onA = session(services.create(siteA.id(), "Yoga", ServiceKind.CLASS, true), null, 1);
        Session onB = session(services.create(siteB.id(), "Pilates", ServiceKind.CLASS, true), null, 1);
        sessions.setHostId(onA.id(), "slot-1");
        sessions.setHostId(onB.id(), "slot-1");
        Booking bookedOnA = bookings.book(onA.id(), customer(siteA).id());
        Booking bookedOnB = bookings.book(onB.id(), customer(siteB).id());
        bookings.setHostId(bookedOnA.id(), "booking-1");
        bookings.setHostId(bookedOnB.id(), "booking-1");
        Site empty = owner.site("C");

        assertThat(sessions.findByHostId(siteA.id(), "slot-1")).map(Session::id).contains(onA.id());
        assertThat(sessions.findByHostId(siteB.id(), "slot-1")).map(Session::id).contains(onB.id());
        assertThat(sessions.findByHostId(empty.id(), "slot-1")).isEmpty();
        assertThat(bookings.findByHostId(siteA.id(), "booking-1")).map(Booking::id).contains(bookedOnA.id());
        assertThat(bookings.findByHostId(siteB.id(), "booking-1")).map(Booking::id).contains(bookedOnB.id());
        assertThat(bookings.findByHostId(empty.id(), "booking-1")).isEmpty();
        assertThat(bookings.findByHostId(siteA.id(), "booking-2")).isEmpty();
        assertThat(sessions.ofSiteAmong(siteA.id(), List.of(onA.id(), onB.id()))).containsExactly(onA.id());
    }

    @Test
    void aSitesAndAStaffMembersUpcomingSessionsAreTheirsAndAStaffMembersLeaveOutCourses() {
        ServiceOffering yoga = services.create(siteA.id(), "Yoga", ServiceKind.CLASS, true);
        ServiceOffering course = services.create(siteA.id(), "Course", ServiceKind.COURSE, true);
        Session later = session(yoga, hana.id(), 48);
        Session sooner = session(yoga, hana.id(), 24);
        Session ofCourse = session(course, hana.id(), 30);
        Session over = session(yoga, hana.id(), -24);
        Session cancelled = session(yoga, hana.id(), 10);
        sessions.cancel(cancelled.id());
        Session elsewhere = session(services.create(siteB.id(), "Pilates", ServiceKind.CLASS, true), null, 5);

        assertThat(sessions.upcomingOfSite(siteA.id(), NOW)).containsExactly(sooner.id(), ofCourse.id(), later.id());
        assertThat(sessions.notOverOfSite(siteA.id(), NOW)).containsExactly(sooner.id(), ofCourse.id(), later.id());
        assertThat(sessions.upcomingOfSite(siteB.id(), NOW)).containsExactly(elsewhere.id());
        assertThat(sessions.upcomingOfStaff(hana.id(), NOW)).containsExactly(sooner.id(), later.id());
        assertThat(sessions.upcomingPage(siteA.id(), null, NOW, 0, 2)).containsExactly(later.id(), sooner.id());
        assertThat(sessions.upcomingPage(siteA.id(), null, NOW, sooner.id(), 2)).containsExactly(ofCourse.id());
        assertThat(sessions.upcomingPage(siteA.id(), hana.id(), NOW, 0, 10)).containsExactly(later.id(), sooner.id());
        assertThat(sessions.countUpcoming(siteA.id(), null, NOW)).isEqualTo(3);
        assertThat(sessions.countUpcoming(siteA.id(), hana.id(), NOW)).isEqualTo(2);
        assertThat(sessions.countUpcoming(siteB.id(), hana.id(), NOW)).isZero();
        assertThat(over.id()).isNotIn(sessions.notOverOfSite(siteA.id(), NOW));
    }

    @Test
    void aCoursesBookingsAreFoundBySessionStartAndItsCustomersWithoutCancelledSessionsOrBookings() {
        ServiceOffering course = services.create(siteA.id(), "Course", ServiceKind.COURSE, true);
        Session third = session(course, null, 72);
        Session first = session(course, null, 24);
        Session second = session(course, null, 48);
        Session dropped = session(course, null, 96);
        Customer soyeon = customer(siteA);
        Customer alex = customer(siteA);
        Customer min = customer(siteA);
        List<Booking> soyeons = new ArrayList<>();
        for (Session s : List.of(third, first, second)) {
            soyeons.add(bookings.book(s.id(), soyeon.id()));
        }
        bookings.cancel(bookings.book(first.id(), alex.id()).id());
        bookings.book(dropped.id(), min.id());
        sessions.cancel(dropped.id());
        bookings.book(session(services.create(siteA.id(), "Yoga", ServiceKind.CLASS, true), null, 5).id(), alex.id());

        assertThat(bookings.bookedByCustomerInService(soyeon.id(), course.id())).extracting(Booking::sessionId)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(bookings.bookedByCustomerInService(alex.id(), course.id())).isEmpty();
        assertThat(bookings.customersBookedInService(course.id(), 0, 10)).containsExactly(soyeon.id());
        assertThat(bookings.countCustomersBookedInService(course.id())).isEqualTo(1);
        assertThat(bookings.customersBookedInService(services.create(siteA.id(), "Empty", ServiceKind.COURSE, true).id(), 0, 10))
                .isEmpty();
    }

    @Test
    void upcomingBookedSessionsPageThroughEverySiteLeavingOutUnbookedOverAndCancelledSessions() {
        ServiceOffering yoga = services.create(siteA.id(), "Yoga", ServiceKind.CLASS, true);
        ServiceOffering pilates = services.create(siteB.id(), "Pilates", ServiceKind.CLASS, true);
        Customer a = customer(siteA);
        Customer b = customer(siteB);
        List<Long> booked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            session(yoga, null, 1 + i); // a whole page of sessions nobody booked comes first
        }
        for (int i = 0; i < 7; i++) {
            Session free = session(yoga, null, 10 + i); // never booked: skipped, however many come before a booked one
            Session onA = session(yoga, null, 20 + i);
            bookings.book(onA.id(), a.id());
            Session onB = session(pilates, null, 30 + i);
            bookings.book(onB.id(), b.id());
            booked.add(onA.id());
            booked.add(onB.id());
            assertThat(free.id()).isNotIn(booked);
        }
        Session over = session(yoga, null, -5);
        bookings.book(over.id(), a.id());
        Session cancelled = session(yoga, null, 5);
        bookings.book(cancelled.id(), a.id());
        sessions.cancel(cancelled.id());
        Session cancelledBooking = session(yoga, null, 6);
        bookings.cancel(bookings.book(cancelledBooking.id(), a.id()).id());

        List<Long> paged = new ArrayList<>();
        long after = 0;
        for (List<Long> page = bookings.upcomingBookedSessions(NOW, after, 3); !page.isEmpty();
             page = bookings.upcomingBookedSessions(NOW, after, 3)) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            paged.addAll(page);
            after = page.get(page.size() - 1);
        }
        assertThat(paged).containsExactlyElementsOf(booked);
    }

    private Session session(ServiceOffering service, Long staffId, int hoursFromNow) {
        Instant start = NOW.plus(Duration.ofHours(hoursFromNow));
        return sessions.create(service.id(), staffId, start, start.plus(Duration.ofHours(1)), true, 10);
    }

    private int made;

    private Customer customer(Site site) {
        made++;
        return customers.create(site.id(), "Customer " + made, "c" + made + "@example.com", Locale.ENGLISH,
                ZoneId.of("Asia/Seoul"));
    }
}
