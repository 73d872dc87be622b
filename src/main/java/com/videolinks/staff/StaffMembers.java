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

    List<Staff> ofSite(long siteId);

    void setAccount(long staffId, Long accountId);
}
