package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;

/**
 * ADR 017: answers by shape are kept per shape, and checked against the engine now and then; one that differs turns
 * answering by shape off for the version. The engine here is a stand-in, so the check can be made to find a difference.
 */
class ShapeAnswersTest {

    private static SessionFacts ofStaff(long session, long staff, String url) {
        Link link = new Link(url, null, null);
        return new SessionFacts(new SiteFact(1, Plan.BUSINESS, true, true, true, true),
                new SessionFact(session, 5, ServiceKind.CLASS, true, staff, ManualLink.NONE, null, false),
                new AccountFact(7, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, true, null),
                new AccountFact(8, AccountRole.STAFF, staff, Provider.CUSTOM_LINK, true, link), null, null);
    }

    /** Shows the staff member's own link; with {@code favours} set, only for staff member 3 (it reads a name). */
    private static Function<SessionFacts, LinkDecision> engine(AtomicInteger asked, boolean favoursStaff3) {
        return facts -> {
            asked.incrementAndGet();
            boolean shown = !favoursStaff3 || facts.session().staffId() == 3;
            return new LinkDecision(facts.session().sessionId(), Channel.MY_BOOKINGS,
                    shown ? LinkStatus.SHOWN : LinkStatus.NONE, shown ? facts.staffAccount().link() : null,
                    shown ? LinkSource.STAFF_ACCOUNT : null, shown ? LinkMode.SHARED : null, List.of(), List.of(),
                    List.of("stand-in"), "v1");
        };
    }

    @Test
    void aShapeIsAskedOnceAndEveryQuestionOfItGetsItsOwnNames() {
        AtomicInteger asked = new AtomicInteger();
        ShapeAnswers answers = new ShapeAnswers(1_000);

        LinkDecision first = answers.decide(ofStaff(10, 3, "https://a"), Channel.MY_BOOKINGS, engine(asked, false));
        LinkDecision second = answers.decide(ofStaff(11, 4, "https://b"), Channel.MY_BOOKINGS, engine(asked, false));

        assertThat(asked).hasValue(1);
        assertThat(answers.kept()).isEqualTo(1);
        assertThat(first.sessionId()).isEqualTo(10);
        assertThat(first.link().url()).isEqualTo("https://a");
        assertThat(second.sessionId()).isEqualTo(11);
        assertThat(second.link().url()).isEqualTo("https://b");
    }

    @Test
    void aCheckThatAgreesWithTheEngineKeepsAnsweringByShape() {
        AtomicInteger asked = new AtomicInteger();
        ShapeAnswers answers = new ShapeAnswers(1);

        for (long session = 10; session < 20; session++) {
            answers.decide(ofStaff(session, session, "https://s" + session), Channel.MY_BOOKINGS, engine(asked, false));
        }

        assertThat(answers.off()).isFalse();
        assertThat(asked).hasValue(10); // the first question, then the check of each of the nine answers by shape
    }

    @Test
    void anAnswerByShapeThatDiffersFromTheEnginesIsNotGivenAndTurnsAnsweringByShapeOff() {
        AtomicInteger asked = new AtomicInteger();
        ShapeAnswers answers = new ShapeAnswers(1);
        Function<SessionFacts, LinkDecision> readsStaffId = engine(asked, true);

        // the shape's placeholders are not staff member 3, so the stand-in answers the shape with no link
        LinkDecision staff3First = answers.decide(ofStaff(10, 3, "https://a"), Channel.MY_BOOKINGS, readsStaffId);
        LinkDecision staff3Again = answers.decide(ofStaff(11, 3, "https://b"), Channel.MY_BOOKINGS, readsStaffId);
        int askedBefore = asked.get();
        LinkDecision later = answers.decide(ofStaff(12, 4, "https://c"), Channel.MY_BOOKINGS, readsStaffId);

        assertThat(staff3First.status()).isEqualTo(LinkStatus.NONE); // given before any check: why the check exists
        assertThat(staff3Again.status()).isEqualTo(LinkStatus.SHOWN);
        assertThat(staff3Again.link().url()).isEqualTo("https://b");
        assertThat(answers.off()).isTrue();
        assertThat(later.status()).isEqualTo(LinkStatus.NONE);
        assertThat(asked.get()).isEqualTo(askedBefore + 1);
    }
}
