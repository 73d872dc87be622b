package com.videolinks.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.ViewRequest;

/** The facts inserted for each kind of question, shared by the live policy and the rule-test suites. */
public final class Questions {

    private Questions() {
    }

    /** "What does this session show on this channel?" */
    public static List<Object> link(SessionFacts facts, Channel channel) {
        List<Object> inserted = facts.asFacts();
        inserted.add(new ViewRequest(channel));
        return inserted;
    }

    /**
     * "What do these sessions show on every channel, and which Zoom meetings do they need?" in one evaluation: the
     * facts of all the sessions (of one site), each inserted once, and one {@code ViewRequest} per channel. Equal
     * facts shared by several sessions (the site, its default account, a staff member's account, a course link) are
     * one fact, so no rule fires twice for them.
     */
    public static List<Object> views(Collection<SessionFacts> sessions, Collection<Channel> channels) {
        Set<Object> inserted = new LinkedHashSet<>(sessions.size() * 3 + channels.size());
        for (SessionFacts facts : sessions) {
            inserted.addAll(facts.asFacts());
        }
        for (Channel channel : channels) {
            inserted.add(new ViewRequest(channel));
        }
        return new ArrayList<>(inserted);
    }

    /** "May this staff member connect their own account now?" Only the site and its default account matter. */
    public static List<Object> staffConnect(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) {
        List<Object> facts = new ArrayList<>(3);
        facts.add(site);
        facts.add(request);
        if (defaultAccount != null) {
            facts.add(defaultAccount);
        }
        return facts;
    }
}
