package com.videolinks.support;

import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;

/** For {@code @JdbcTest} slices: Business sites of one owner (user "owner"), links shown everywhere. */
public final class SitesOfOneOwner {

    private final Sites sites;

    private SitesOfOneOwner(Sites sites) {
        this.sites = sites;
    }

    /** Creates the owner's user, which a site needs. */
    public static SitesOfOneOwner start(JdbcClient jdbc, Sites sites) {
        jdbc.sql("insert into app_user (username, password_hash, role) values ('owner', '-', 'OWNER')").update();
        return new SitesOfOneOwner(sites);
    }

    public Site site(String name) {
        return sites.create(name, "owner", Plan.BUSINESS, ZoneId.of("Asia/Seoul"), false, new Visibility(true, true, true));
    }
}
