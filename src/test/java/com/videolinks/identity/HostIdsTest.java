package com.videolinks.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;
import com.videolinks.support.SitesOfOneOwner;

/** The host's ids of sites, staff and customers (V9, issue #9): lookups and their uniqueness. */
@JdbcTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {Sites.class, StaffMembers.class, Customers.class}))
class HostIdsTest {

    @Autowired Sites sites;
    @Autowired StaffMembers staff;
    @Autowired Customers customers;
    @Autowired JdbcClient jdbc;

    SitesOfOneOwner owner;
    Site siteA;
    Site siteB;

    @BeforeEach
    void twoSites() {
        owner = SitesOfOneOwner.start(jdbc, sites);
        siteA = owner.site("A");
        siteB = owner.site("B");
    }

    @Test
    void aSiteIsFoundByTheHostsIdAndTwoSitesCannotShareOne() {
        sites.setHostId(siteA.id(), "wix-site-1");

        assertThat(sites.findByHostId("wix-site-1")).map(Site::id).contains(siteA.id());
        assertThat(sites.findByHostId("wix-site-2")).isEmpty();
        assertThatThrownBy(() -> sites.setHostId(siteB.id(), "wix-site-1")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void staffHostIdsAreUniquePerSiteOnly() {
        Staff hanaA = staff.create(siteA.id(), "Hana", "hana@example.com");
        Staff hanaB = staff.create(siteB.id(), "Hana", "hana@example.com");
        staff.setHostId(hanaA.id(), "member-7");
        staff.setHostId(hanaB.id(), "member-7");

        assertThat(staff.findByHostId(siteA.id(), "member-7")).map(Staff::id).contains(hanaA.id());
        assertThat(staff.findByHostId(siteB.id(), "member-7")).map(Staff::id).contains(hanaB.id());
        Staff other = staff.create(siteA.id(), "Tae", "tae@example.com");
        assertThatThrownBy(() -> staff.setHostId(other.id(), "member-7")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void customerHostIdsAreUniquePerSiteOnly() {
        Customer a = customers.create(siteA.id(), "Soyeon", "s@example.com", Locale.KOREAN, ZoneId.of("Asia/Seoul"));
        Customer b = customers.create(siteA.id(), "Alex", "a@example.com", Locale.ENGLISH, ZoneId.of("Asia/Seoul"));
        customers.setHostId(a.id(), "contact-1");

        assertThat(customers.findByHostId(siteA.id(), "contact-1")).map(Customer::id).contains(a.id());
        assertThat(customers.findByHostId(siteB.id(), "contact-1")).isEmpty();
        assertThatThrownBy(() -> customers.setHostId(b.id(), "contact-1")).isInstanceOf(DuplicateKeyException.class);
    }
}
