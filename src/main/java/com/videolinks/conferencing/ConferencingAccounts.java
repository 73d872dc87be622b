package com.videolinks.conferencing;

import java.util.Optional;

import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Provider;

/** All conferencing accounts. */
public interface ConferencingAccounts {

    ConferencingAccount connect(long siteId, Long staffId, Provider provider, String zoomUser, Link link);

    Optional<ConferencingAccount> find(long id);

    void disconnect(long id);
}
