package com.videolinks.policy;

import java.util.ArrayList;
import java.util.List;

import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Conclusion;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.ConnectRefused;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkHidden;
import com.videolinks.policy.vocabulary.LinkPending;
import com.videolinks.policy.vocabulary.LinkSelected;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.LinkWithheld;
import com.videolinks.policy.vocabulary.MeetingLink;

/**
 * Turns the rules' conclusions into one decision. The order is fixed by the vocabulary, not by the rules:
 * withheld (no link anywhere) outranks hidden (not on this channel), which outranks pending, which outranks shown.
 */
public final class Decisions {

    private Decisions() {
    }

    public static LinkDecision link(long sessionId, Channel channel, List<Conclusion> conclusions, String version) {
        List<String> reasons = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<LinkWithheld> withheld = new ArrayList<>();
        List<LinkSelected> selected = new ArrayList<>();
        MeetingLink meeting = null;
        LinkPending pending = null;
        LinkHidden hidden = null;
        for (Conclusion conclusion : conclusions) {
            if (conclusion instanceof LinkWithheld w) {
                withheld.add(w);
            } else if (conclusion instanceof LinkSelected s) {
                selected.add(s);
            } else if (conclusion instanceof MeetingLink m) {
                meeting = m;
            } else if (conclusion instanceof LinkPending p) {
                pending = p;
            } else if (conclusion instanceof LinkHidden h && h.channel() == channel) {
                hidden = h;
            }
        }
        if (!withheld.isEmpty()) {
            withheld.forEach(w -> {
                reasons.add(w.reason());
                rules.add(w.rule());
            });
            return new LinkDecision(sessionId, channel, LinkStatus.NONE, null, null, null, reasons, rules, version);
        }
        if (selected.size() != 1) {
            selected.forEach(s -> rules.add(s.rule()));
            reasons.add(selected.isEmpty()
                    ? "No rule selected a link for this session; the rule set has a gap."
                    : "Several rules selected a link for this session; the rule set has a conflict.");
            return new LinkDecision(sessionId, channel, LinkStatus.NONE, null, null, null, reasons, rules, version);
        }
        LinkSelected choice = selected.get(0);
        reasons.add(choice.reason());
        rules.add(choice.rule());
        Link link = choice.link();
        if (meeting != null) {
            reasons.add(meeting.reason());
            rules.add(meeting.rule());
            link = meeting.link();
        }
        if (hidden != null) {
            reasons.add(hidden.reason());
            rules.add(hidden.rule());
            return new LinkDecision(sessionId, channel, LinkStatus.HIDDEN, null, choice.source(),
                    choice.provider().mode(), reasons, rules, version);
        }
        if (pending != null || link == null) {
            if (pending != null) {
                reasons.add(pending.reason());
                rules.add(pending.rule());
            }
            return new LinkDecision(sessionId, channel, LinkStatus.PENDING, null, choice.source(),
                    choice.provider().mode(), reasons, rules, version);
        }
        return new LinkDecision(sessionId, channel, LinkStatus.SHOWN, link, choice.source(),
                choice.provider().mode(), reasons, rules, version);
    }

    public static ConnectDecision connect(List<Conclusion> conclusions, String version) {
        List<ConnectRefused> refusals = conclusions.stream()
                .filter(ConnectRefused.class::isInstance).map(ConnectRefused.class::cast).toList();
        return new ConnectDecision(refusals.isEmpty(), refusals, version);
    }
}
