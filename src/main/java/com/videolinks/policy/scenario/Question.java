package com.videolinks.policy.scenario;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;

/** What a scenario asks the policy: the two questions {@code LinkPolicy} answers, with their facts. */
public sealed interface Question {

    /** What does this session show on this channel? */
    record OnChannel(SessionFacts facts, Channel channel) implements Question {
    }

    /** May this staff member's own account be connected now? {@code defaultAccount} is null when the site has none. */
    record StaffConnect(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) implements Question {
    }
}
