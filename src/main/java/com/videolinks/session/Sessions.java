package com.videolinks.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.videolinks.common.NotFoundException;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;

/** All sessions. */
public interface Sessions {

    Session create(long serviceId, Long staffId, Instant startsAt, Instant endsAt, boolean online);

    Optional<Session> find(long id);

    default Session get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("session", id));
    }

    List<Session> ofService(long serviceId);

    int countOfService(long serviceId);

    /** Records a link added or removed by hand (S11, S20), or neither, and grows the session's link version. */
    void changeManualLink(long sessionId, ManualLink manualLink, Link link);
}
