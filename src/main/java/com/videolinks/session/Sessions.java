package com.videolinks.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.videolinks.common.NotFoundException;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;

/** All sessions. */
public interface Sessions {

    Session create(long serviceId, Long staffId, Instant startsAt, Instant endsAt, boolean online, int capacity);

    Optional<Session> find(long id);

    /**
     * The session, its row locked until the caller's transaction ends: bookings of one session are counted one
     * after the other, so two customers never take its last place (works across nodes sharing the database).
     */
    Optional<Session> findForUpdate(long id);

    default Session getForUpdate(long id) {
        return findForUpdate(id).orElseThrow(() -> new NotFoundException("session", id));
    }

    default Session get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("session", id));
    }

    List<Session> ofService(long serviceId);

    /** The sessions with these ids that exist, in one query. */
    List<Session> findAll(java.util.Collection<Long> ids);

    /** The session of the site whom the host names {@code hostId}, if we know it. */
    Optional<Session> findByHostId(long siteId, String hostId);

    /** Records the host's id of a session; unique within its service. */
    void setHostId(long sessionId, String hostId);

    int countOfService(long serviceId);

    /** Records a link added or removed by hand (S11, S20), or neither, and grows the session's link version. */
    void changeManualLink(long sessionId, ManualLink manualLink, Link link);

    void reschedule(long sessionId, Instant startsAt, Instant endsAt);

    void cancel(long sessionId);

    void changeOnline(long sessionId, boolean online);

    /** Ids of the site's sessions that are not over or cancelled and get their link from an account. */
    List<Long> upcomingOfSite(long siteId, Instant now);

    /**
     * Every session of the site not over and not cancelled, whatever gives its link (a link added by hand too): what
     * a site-wide change such as the default account's disconnection (S9) may change.
     */
    List<Long> notOverOfSite(long siteId, Instant now);

    /** As {@link #upcomingOfSite}, for the one-on-one sessions and classes of one staff member (S10, S17). */
    List<Long> upcomingOfStaff(long staffId, Instant now);

    /**
     * One page of {@link #upcomingOfSite} (staffId null) or {@link #upcomingOfStaff}, by id: the ids after
     * {@code afterId}, at most {@code limit} (an account re-link pages through them, #13).
     */
    List<Long> upcomingPage(long siteId, Long staffId, Instant now, long afterId, int limit);

    /** How many sessions {@link #upcomingPage} pages through. */
    long countUpcoming(long siteId, Long staffId, Instant now);

    /**
     * The ids of the service's sessions by start ({@code withCancelled} false: cancelled ones left out): what the
     * booking feature asks to find a course's bookings without reading this feature's table.
     */
    List<Long> idsOfService(long serviceId, boolean withCancelled);

    /** One page, by id, of every session not over and not cancelled, of any site: the ids after {@code afterId}. */
    List<Long> notOverPage(Instant now, long afterId, int limit);

    /** Which of these sessions are the site's. */
    java.util.Set<Long> ofSiteAmong(long siteId, java.util.Collection<Long> sessionIds);
}
