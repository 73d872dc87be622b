package com.videolinks.policy.vocabulary;

import java.util.List;

/**
 * Whether session {@code sessionId} needs a Zoom meeting of its own, and under which account, as the rules concluded
 * it (S5, S10, S17): MEETING under {@code accountId} ({@link MeetingNeeded}); UNDECIDED — meetings are kept, none is
 * created ({@link MeetingsKept}, or rules that disagree); NO_MEETING when no rule asks for one — any meeting the
 * session has goes.
 */
public record MeetingRequirement(long sessionId, Need need, Long accountId, List<String> reasons, List<String> rules) {

    /** See {@link MeetingRequirement}. */
    public enum Need { MEETING, NO_MEETING, UNDECIDED }

    public MeetingRequirement {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }

    /** One sentence for logs and process variables. */
    public String reason() {
        return reasons.isEmpty() ? "no rule asks for a Zoom meeting for this session" : String.join(" ", reasons);
    }
}
