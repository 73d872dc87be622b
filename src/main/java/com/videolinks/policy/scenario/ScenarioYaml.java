package com.videolinks.policy.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.RefusalReason;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.WithholdReason;

/**
 * The shape of one scenario as written in YAML. Keys are the vocabulary's field names so a scenario reads like the
 * facts the DRL matches on. Every value is boxed: null means "not written", which {@link ScenarioMapper} turns into
 * a default or a "missing key" error.
 */
final class ScenarioYaml {

    private ScenarioYaml() {
    }

    record Entry(String name, String description, Given given, Ask ask, Expect expect,
                 List<String> rulesFired, List<String> rulesNotFired) {
    }

    record Given(Site site, Account defaultAccount, Account staffAccount, Session session, CourseLink courseLink,
                 Meeting meeting) {
    }

    record Site(Long siteId, Plan plan, Boolean staffSelfService, Boolean linkInConfirmationEmail,
                Boolean linkOnMyBookings, Boolean linkOnMemberPages) {
    }

    record Account(Long accountId, Long staffId, Provider provider, Boolean connected, LinkSpec link) {
    }

    record Session(Long sessionId, Long serviceId, ServiceKind kind, Boolean online, Long staffId,
                   ManualLink manualLink, LinkSpec manualLinkValue, Boolean cancelled) {
    }

    record CourseLink(Long serviceId, LinkSpec link) {
    }

    record Meeting(Long sessionId, Long accountId, LinkSpec link) {
    }

    /** {@code url: ...} with optional {@code password} and {@code description}, or just the URL as a string. */
    record LinkSpec(String url, String password, String description) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        LinkSpec {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static LinkSpec ofUrl(String url) {
            return new LinkSpec(url, null, null);
        }
    }

    record Ask(Channel channel, StaffConnect staffConnect) {
    }

    record StaffConnect(Long staffId, Boolean bySelf) {
    }

    record Expect(LinkStatus status, LinkSource source, LinkMode mode, LinkSpec link, List<WithholdReason> withheld,
                  MeetingExpect meeting, Boolean allowed, List<RefusalReason> refusals, List<String> reasonsContain) {
    }

    /** The Zoom meeting the rules ask for: {@code need} MEETING (under {@code accountId}), NO_MEETING or UNDECIDED. */
    record MeetingExpect(MeetingRequirement.Need need, Long accountId) {
    }
}
