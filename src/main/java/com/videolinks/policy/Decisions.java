package com.videolinks.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import com.videolinks.policy.vocabulary.MeetingNeeded;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.MeetingsKept;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.WithholdReason;

/**
 * Turns the rules' conclusions into decisions. The order is fixed by the vocabulary, not by the rules:
 * withheld (no link anywhere) outranks hidden (not on this channel), which outranks pending, which outranks shown.
 * Conclusions name their session, so one evaluation may answer for many sessions (of one site: a
 * {@link LinkHidden} applies to every session evaluated with it).
 */
public final class Decisions {

    private Decisions() {
    }

    /** What session {@code sessionId} shows on {@code channel}. */
    public static LinkDecision link(long sessionId, Channel channel, List<Conclusion> conclusions, String version) {
        Gathered gathered = new Gathered();
        Map<Channel, LinkHidden> hidden = new EnumMap<>(Channel.class);
        for (Conclusion conclusion : conclusions) {
            if (conclusion instanceof LinkHidden h) {
                hidden.putIfAbsent(h.channel(), h);
            } else if (sessionOf(conclusion) == sessionId) {
                gathered.add(conclusion);
            }
        }
        return gathered.decide(sessionId, channel, hidden.get(channel), version);
    }

    /** Everything one evaluation said about each session in {@code sessionIds}, for every channel in {@code channels}. */
    public static Map<Long, SessionView> views(Collection<Long> sessionIds, Collection<Channel> channels,
                                               List<Conclusion> conclusions, String version) {
        Map<Long, Gathered> bySession = new HashMap<>(sessionIds.size() * 2);
        for (Long id : sessionIds) {
            bySession.put(id, new Gathered());
        }
        Map<Channel, LinkHidden> hidden = new EnumMap<>(Channel.class);
        for (Conclusion conclusion : conclusions) {
            if (conclusion instanceof LinkHidden h) {
                hidden.putIfAbsent(h.channel(), h);
            } else if (!(conclusion instanceof ConnectRefused)) {
                Gathered gathered = bySession.get(sessionOf(conclusion));
                if (gathered != null) {
                    gathered.add(conclusion);
                }
            }
        }
        Map<Long, SessionView> views = new LinkedHashMap<>(sessionIds.size() * 2);
        for (Long id : sessionIds) {
            Gathered gathered = bySession.get(id);
            Map<Channel, LinkDecision> decisions = new EnumMap<>(Channel.class);
            for (Channel channel : channels) {
                decisions.put(channel, gathered.decide(id, channel, hidden.get(channel), version));
            }
            views.put(id, new SessionView(id, decisions, gathered.meeting(id), version));
        }
        return views;
    }

    public static ConnectDecision connect(List<Conclusion> conclusions, String version) {
        List<ConnectRefused> refusals = conclusions.stream()
                .filter(ConnectRefused.class::isInstance).map(ConnectRefused.class::cast).toList();
        return new ConnectDecision(refusals.isEmpty(), refusals, version);
    }

    private static long sessionOf(Conclusion conclusion) {
        if (conclusion instanceof LinkSelected c) {
            return c.sessionId();
        } else if (conclusion instanceof LinkWithheld c) {
            return c.sessionId();
        } else if (conclusion instanceof LinkPending c) {
            return c.sessionId();
        } else if (conclusion instanceof MeetingLink c) {
            return c.sessionId();
        } else if (conclusion instanceof MeetingNeeded c) {
            return c.sessionId();
        } else if (conclusion instanceof MeetingsKept c) {
            return c.sessionId();
        }
        return -1; // LinkHidden (the site's), ConnectRefused
    }

    /** One session's conclusions. */
    private static final class Gathered {

        private final List<LinkWithheld> withheld = new ArrayList<>(2);
        private final List<LinkSelected> selected = new ArrayList<>(1);
        private final List<MeetingNeeded> needed = new ArrayList<>(1);
        private MeetingLink meeting;
        private LinkPending pending;
        private MeetingsKept kept;

        void add(Conclusion conclusion) {
            if (conclusion instanceof LinkWithheld w) {
                withheld.add(w);
            } else if (conclusion instanceof LinkSelected c) {
                selected.add(c);
            } else if (conclusion instanceof MeetingLink m) {
                meeting = m;
            } else if (conclusion instanceof LinkPending p) {
                pending = p;
            } else if (conclusion instanceof MeetingNeeded n) {
                needed.add(n);
            } else if (conclusion instanceof MeetingsKept k) {
                kept = k;
            }
        }

        LinkDecision decide(long sessionId, Channel channel, LinkHidden hidden, String version) {
            List<String> reasons = new ArrayList<>(4);
            List<String> rules = new ArrayList<>(4);
            if (!withheld.isEmpty()) {
                List<WithholdReason> codes = new ArrayList<>(withheld.size());
                withheld.forEach(w -> {
                    codes.add(w.code());
                    reasons.add(w.reason());
                    rules.add(w.rule());
                });
                return new LinkDecision(sessionId, channel, LinkStatus.NONE, null, null, null, codes, reasons, rules,
                        version);
            }
            if (selected.size() != 1) {
                selected.forEach(s -> rules.add(s.rule()));
                reasons.add(selected.isEmpty()
                        ? "No rule selected a link for this session; the rule set has a gap."
                        : "Several rules selected a link for this session; the rule set has a conflict.");
                return new LinkDecision(sessionId, channel, LinkStatus.NONE, null, null, null, List.of(), reasons,
                        rules, version);
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
                        choice.provider().mode(), List.of(), reasons, rules, version);
            }
            if (pending != null || link == null) {
                if (pending != null) {
                    reasons.add(pending.reason());
                    rules.add(pending.rule());
                }
                return new LinkDecision(sessionId, channel, LinkStatus.PENDING, null, choice.source(),
                        choice.provider().mode(), List.of(), reasons, rules, version);
            }
            return new LinkDecision(sessionId, channel, LinkStatus.SHOWN, link, choice.source(),
                    choice.provider().mode(), List.of(), reasons, rules, version);
        }

        /** One MeetingNeeded: that meeting; several naming different accounts: a conflict, nothing is touched. */
        MeetingRequirement meeting(long sessionId) {
            if (!needed.isEmpty()) {
                long account = needed.get(0).accountId();
                if (needed.stream().allMatch(n -> n.accountId() == account)) {
                    MeetingNeeded first = needed.get(0);
                    return new MeetingRequirement(sessionId, MeetingRequirement.Need.MEETING, account,
                            List.of(first.reason()), List.of(first.rule()));
                }
                return new MeetingRequirement(sessionId, MeetingRequirement.Need.UNDECIDED, null,
                        List.of("Several rules ask for Zoom meetings under different accounts; the rule set has a "
                                + "conflict, so the session's meetings are left as they are."),
                        needed.stream().map(MeetingNeeded::rule).toList());
            }
            if (kept != null) {
                return new MeetingRequirement(sessionId, MeetingRequirement.Need.UNDECIDED, null,
                        List.of(kept.reason()), List.of(kept.rule()));
            }
            return new MeetingRequirement(sessionId, MeetingRequirement.Need.NO_MEETING, null, List.of(), List.of());
        }
    }
}
