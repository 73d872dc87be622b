package com.videolinks.staff;

import java.util.List;
import java.util.Optional;

import com.videolinks.common.NotFoundException;

/** All staff members. */
public interface StaffMembers {

    Staff create(long siteId, String name, String email);

    Optional<Staff> find(long id);

    default Staff get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("staff member", id));
    }

    /** The staff member of the site whom the host names {@code hostId}, if we know them. */
    Optional<Staff> findByHostId(long siteId, String hostId);

    /** Records the host's id of a staff member; unique within the site. */
    void setHostId(long staffId, String hostId);

    /** The site's current staff (removed ones left out). */
    List<Staff> ofSite(long siteId);

    /** The staff members with these ids that exist, in one query. */
    List<Staff> findAll(java.util.Collection<Long> ids);

    /** Every staff member the site ever had, removed ones included. */
    List<Staff> everOfSite(long siteId);

    void setAccount(long staffId, Long accountId);

    void update(long staffId, String name, String email);

    /** The host removed the staff member: they leave the site's list; sessions keep naming them. */
    void markRemoved(long staffId, java.time.Instant at);

    /** Replaces name and email (plugin removed, grace period over); the row stays for the sessions naming it. */
    void erasePersonalData(long staffId);
}
