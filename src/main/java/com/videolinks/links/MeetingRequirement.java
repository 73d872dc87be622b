package com.videolinks.links;

/**
 * Whether a session needs a Zoom meeting of its own, and under which account (S5, S10, S17): MEETING under
 * {@code accountId}; NO_MEETING (cancelled, offline, link added or removed by hand, a shared link) — any meeting it
 * has goes; UNDECIDED when the policy withholds every link for now (plan, default account disconnected: S4, S9) —
 * meetings are kept, none is created.
 */
public record MeetingRequirement(Need need, Long accountId, String reason) {

    /** See {@link MeetingRequirement}. */
    public enum Need { MEETING, NO_MEETING, UNDECIDED }

    static MeetingRequirement meeting(long accountId, String reason) {
        return new MeetingRequirement(Need.MEETING, accountId, reason);
    }

    static MeetingRequirement noMeeting(String reason) {
        return new MeetingRequirement(Need.NO_MEETING, null, reason);
    }

    static MeetingRequirement undecided(String reason) {
        return new MeetingRequirement(Need.UNDECIDED, null, reason);
    }
}
