package com.videolinks.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.videolinks.common.NotFoundException;
import com.videolinks.policy.vocabulary.Plan;

/** All sites. */
public interface Sites {

    Site create(String name, String ownerUsername, Plan plan, ZoneId timeZone, boolean staffSelfService, Visibility visibility);

    Optional<Site> find(long id);

    default Site get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("site", id));
    }

    /** The site the host names {@code hostId} (the host's site id in its tokens and events), if we know it. */
    Optional<Site> findByHostId(String hostId);

    /** Records the host's id of a site; a host id names at most one site. */
    void setHostId(long id, String hostId);

    List<Site> ownedBy(String ownerUsername);

    /** The sites with these ids that exist, in one query. */
    List<Site> findAll(java.util.Collection<Long> ids);

    List<Site> all();

    void changePlan(long id, Plan plan);

    void changeVisibility(long id, Visibility visibility);

    void changeStaffSelfService(long id, boolean enabled);

    void setDefaultAccount(long id, long accountId);
}
