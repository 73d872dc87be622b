package com.videolinks.conferencing;

import java.util.List;
import java.util.Optional;

import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Provider;

/** All conferencing accounts. Custom-link passwords are encrypted at rest. */
public interface ConferencingAccounts {

    ConferencingAccount connect(long siteId, Long staffId, Provider provider, String zoomUser, Link link);

    Optional<ConferencingAccount> find(long id);

    /** The accounts with these ids that exist, in one query. */
    List<ConferencingAccount> findAll(java.util.Collection<Long> ids);

    void disconnect(long id);

    /** Disconnects a connected account, saying why; false when it was not connected (someone else got there first). */
    boolean markDisconnected(long id, String reason);
}
