package com.videolinks.policy.vocabulary;

/** Something a rule concluded. Every conclusion names the rule that drew it. */
public sealed interface Conclusion
        permits LinkSelected, MeetingLink, LinkPending, LinkWithheld, LinkHidden, ConnectRefused, MeetingNeeded,
        MeetingsKept {

    String rule();
}
