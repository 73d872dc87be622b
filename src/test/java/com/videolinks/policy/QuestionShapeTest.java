package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Opaque;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/** ADR 017: a question's shape keeps which names are equal, absent or different, and nothing of the names. */
class QuestionShapeTest {

    private static final Link ROOM = new Link("https://meet.example/room", "pw", "Room");
    private static final Link OTHER_ROOM = new Link("https://meet.example/other", null, null);

    /** A course session of staff {@code staff}, whose own Zoom account hosts meeting {@code meeting}. */
    private static SessionFacts question(long site, long session, long service, Long staff, long defaultAccount,
                                         long staffAccount, long meetingAccount, Link course, Link meeting) {
        return new SessionFacts(new SiteFact(site, Plan.BUSINESS, true, true, true, false),
                new SessionFact(session, service, ServiceKind.COURSE, true, staff, ManualLink.NONE, null, false),
                new AccountFact(defaultAccount, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, true, course),
                staff == null ? null : new AccountFact(staffAccount, AccountRole.STAFF, staff, Provider.ZOOM, true, null),
                new CourseLinkFact(service, course), new ZoomMeetingFact(session, meetingAccount, meeting));
    }

    @Test
    void questionsDifferingOnlyInTheirNamesHaveOneShape() {
        SessionFacts one = question(1, 10, 5, 3L, 7, 8, 8, ROOM, OTHER_ROOM);
        SessionFacts renamed = question(901, 77_010, 4_005, 30_003L, 607, 908, 908,
                new Link("https://elsewhere.example/a", "secret", "A"), new Link("https://elsewhere.example/b", null, null));

        assertThat(QuestionShape.of(renamed).facts()).isEqualTo(QuestionShape.of(one).facts());
    }

    @Test
    void whichNamesAreEqualAbsentOrDifferentIsPartOfTheShape() {
        SessionFacts hostedByStaff = question(1, 10, 5, 3L, 7, 8, 8, ROOM, OTHER_ROOM);
        SessionFacts hostedByDefault = question(1, 10, 5, 3L, 7, 8, 7, ROOM, OTHER_ROOM);
        SessionFacts oneLinkTwice = question(1, 10, 5, 3L, 7, 8, 8, ROOM, ROOM);
        SessionFacts withoutStaff = question(1, 10, 5, null, 7, 8, 8, ROOM, OTHER_ROOM);

        assertThat(List.of(hostedByStaff, hostedByDefault, oneLinkTwice, withoutStaff).stream()
                .map(facts -> QuestionShape.of(facts).facts()).distinct()).hasSize(4);
        assertThat(QuestionShape.of(withoutStaff).facts().session().staffId()).isNull();
        assertThat(QuestionShape.of(oneLinkTwice).facts().meeting().link())
                .isSameAs(QuestionShape.of(oneLinkTwice).facts().courseLink().link());
    }

    @Test
    void theShapesDecisionIsGivenBackTheQuestionsSessionAndLink() {
        SessionFacts facts = question(1, 10, 5, 3L, 7, 8, 8, ROOM, OTHER_ROOM);
        QuestionShape shape = QuestionShape.of(facts);
        Link placeholder = shape.facts().meeting().link();
        LinkDecision shaped = new LinkDecision(shape.facts().session().sessionId(), Channel.MY_BOOKINGS, LinkStatus.SHOWN,
                placeholder, LinkSource.STAFF_ACCOUNT, LinkMode.PER_SESSION, List.of(), List.of("why"), List.of("rule"), "v1");

        LinkDecision named = shape.namedBack(shaped, 10);

        assertThat(named).isEqualTo(new LinkDecision(10, Channel.MY_BOOKINGS, LinkStatus.SHOWN, OTHER_ROOM,
                LinkSource.STAFF_ACCOUNT, LinkMode.PER_SESSION, List.of(), List.of("why"), List.of("rule"), "v1"));
        assertThat(placeholder).isNotEqualTo(OTHER_ROOM);
    }

    /** The annotation and the shape agree: every component marked as a name is replaced, every other one kept. */
    @Test
    void theShapeReplacesExactlyTheComponentsMarkedAsNames() throws ReflectiveOperationException {
        SessionFacts facts = new SessionFacts(new SiteFact(1001, Plan.BUSINESS, true, true, false, true),
                new SessionFact(1002, 1003, ServiceKind.COURSE, true, 1004L, ManualLink.ADDED, ROOM, true),
                new AccountFact(1005, AccountRole.SITE_DEFAULT, 1006L, Provider.CUSTOM_LINK, true, OTHER_ROOM),
                new AccountFact(1007, AccountRole.STAFF, 1008L, Provider.ZOOM, false, new Link("https://s", "p", "d")),
                new CourseLinkFact(1009, new Link("https://c", null, "d")),
                new ZoomMeetingFact(1010, 1011, new Link("https://z", "p", null)));
        SessionFacts shaped = QuestionShape.of(facts).facts();

        int names = 0;
        for (RecordComponent part : SessionFacts.class.getRecordComponents()) {
            Object fact = part.getAccessor().invoke(facts);
            Object shapedFact = part.getAccessor().invoke(shaped);
            for (RecordComponent component : fact.getClass().getRecordComponents()) {
                Object value = component.getAccessor().invoke(fact);
                Object shapedValue = component.getAccessor().invoke(shapedFact);
                if (component.isAnnotationPresent(Opaque.class)) {
                    names++;
                    assertThat(shapedValue).as(component.toString()).isNotEqualTo(value);
                } else {
                    assertThat(shapedValue).as(component.toString()).isEqualTo(value);
                }
            }
        }
        assertThat(names).isEqualTo(16);
    }

    @Test
    void aLinkThatIsNoPlaceholderCannotBeGivenBack() {
        QuestionShape shape = QuestionShape.of(question(1, 10, 5, 3L, 7, 8, 8, ROOM, OTHER_ROOM));
        LinkDecision madeUp = new LinkDecision(2, Channel.MY_BOOKINGS, LinkStatus.SHOWN, ROOM, LinkSource.COURSE_LINK,
                LinkMode.SHARED, List.of(), List.of(), List.of(), "v1");

        assertThat(shape.namedBack(madeUp, 10)).isNull();
    }
}
