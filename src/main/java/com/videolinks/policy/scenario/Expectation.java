package com.videolinks.policy.scenario;

import java.util.List;

import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.RefusalReason;
import com.videolinks.policy.vocabulary.WithholdReason;

/** The decision fields a scenario expects. A null field is not checked; lists are checked only when not empty. */
public sealed interface Expectation {

    /**
     * For a channel question. Only the non-null fields of {@code link} are compared; {@code withheld} is the exact
     * set of withhold codes concluded; {@code meetingNeed} and {@code meetingAccountId} the Zoom meeting the rules
     * ask for (S5).
     */
    record OnChannel(LinkStatus status, LinkSource source, LinkMode mode, Link link, List<WithholdReason> withheld,
                     MeetingRequirement.Need meetingNeed, Long meetingAccountId, List<String> reasonsContain)
            implements Expectation {

        public OnChannel {
            withheld = List.copyOf(withheld);
            reasonsContain = List.copyOf(reasonsContain);
        }
    }

    /** For a staff-connect question: {@code refusals} is the exact set of refusal codes. */
    record StaffConnect(Boolean allowed, List<RefusalReason> refusals, List<String> reasonsContain)
            implements Expectation {

        public StaffConnect {
            refusals = List.copyOf(refusals);
            reasonsContain = List.copyOf(reasonsContain);
        }
    }
}
