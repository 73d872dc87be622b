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

    List<Staff> ofSite(long siteId);

    /** The staff members with these ids that exist, in one query. */
    List<Staff> findAll(java.util.Collection<Long> ids);

    void setAccount(long staffId, Long accountId);
}
