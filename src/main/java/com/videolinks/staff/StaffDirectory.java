package com.videolinks.staff;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.Languages;

/**
 * Adds, edits and removes a site's staff members: the one write path of the REST API and the host's staff events.
 * A removal is announced ({@link StaffRemoved}) in its transaction: services drop the staff member and their own
 * account is disconnected with it.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    private final StaffMembers staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffDirectory(StaffMembers staff, ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** {@code locale}: the language of their emails, a tag such as ko or en; null or blank: Korean (#13). */
    @Transactional
    public Staff add(long siteId, String name, String email, String locale) {
        Locale language = Languages.chosen(locale, "locale");
        return staff.create(siteId, name.strip(), email.strip(), language);
    }

    /** The staff member's whole state, as the host's staff.updated: a locale left out is Korean again. */
    @Transactional
    public Staff update(long staffId, String name, String email, String locale) {
        Locale language = Languages.chosen(locale, "locale");
        staff.get(staffId);
        staff.update(staffId, name.strip(), email.strip(), language);
        return staff.get(staffId);
    }

    /** The staff member leaves the site: unassigned from its services, their own account disconnected (S10). */
    @Transactional
    public void remove(long staffId) {
        Staff member = staff.get(staffId);
        staff.markRemoved(staffId, clock.instant());
        log.info("Staff member {} of site {} removed", staffId, member.siteId());
        events.publishEvent(new StaffRemoved(staffId, member.siteId()));
    }
}
