package com.videolinks.policy.vocabulary;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation says about one session: what each channel shows and whether the session needs a Zoom
 * meeting. Pages, emails and the Zoom provisioning read it and decide nothing themselves.
 */
public record SessionView(long sessionId, Map<Channel, LinkDecision> channels, MeetingRequirement meeting,
                          String ruleVersion) {

    /** The channels in the order a customer page looks for "where else is the link shown". */
    private static final List<Channel> ELSEWHERE_ORDER =
            List.of(Channel.MY_BOOKINGS, Channel.MEMBER_PAGES, Channel.CONFIRMATION_EMAIL);

    public SessionView {
        channels = Map.copyOf(new EnumMap<>(channels));
    }

    public LinkDecision on(Channel channel) {
        LinkDecision decision = channels.get(channel);
        if (decision == null) {
            throw new IllegalArgumentException("the evaluation was not asked about " + channel);
        }
        return decision;
    }

    /**
     * The first customer channel other than {@code hiddenOn} that shows the link (pages first: one click away), or
     * null if the business shows it on none of them.
     */
    public Channel shownElsewhere(Channel hiddenOn) {
        for (Channel other : ELSEWHERE_ORDER) {
            if (other != hiddenOn && channels.containsKey(other) && channels.get(other).shown()) {
                return other;
            }
        }
        return null;
    }
}
