package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.videolinks.VideolinksApplication;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * #13: over random sequences of changes to a studio (default account replaced or disconnected, a staff member's own
 * link connected or disconnected, links added, removed or restored on sessions, sessions switched online or offline,
 * visibility changed), every booked customer gets exactly one link-changed email for each session whose customer
 * channels show something else afterwards (hidden channels and a pending link becoming ready aside), none for a
 * change that changes nothing, and no email ever holds the URL, password or description of a link the email
 * channel does not show.
 */
class LinkNoticeProperties {

    enum Op { REPLACE_DEFAULT, DISCONNECT_DEFAULT, STAFF_OWN_LINK, STAFF_DISCONNECT, ADD_LINK, REMOVE_LINK, RESTORE_LINK,
        OFFLINE, ONLINE, HIDE_EMAIL, SHOW_ALL }

    record Change(Op op, int session, int link) {
    }

    private static final List<Channel> CUSTOMER = List.of(Channel.CONFIRMATION_EMAIL, Channel.MY_BOOKINGS,
            Channel.MEMBER_PAGES);
    private static ConfigurableApplicationContext context;
    private static MockMvc mvc;

    @BeforeContainer
    static void startService() {
        context = new SpringApplicationBuilder(VideolinksApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--videolinks.notifications.dispatch.enabled=false");
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
    }

    @AfterContainer
    static void stopService() {
        if (context != null) {
            context.close();
        }
    }

    @Property(tries = 25)
    void eachBookedCustomerIsToldOfExactlyTheEffectiveChangesAndNeverOfAHiddenLink(
            @ForAll("changes") List<Change> changes) throws Exception {
        StudioFixture studio = new StudioFixture(mvc, context.getBean(AppUsers.class));
        SessionLinks links = context.getBean(SessionLinks.class);
        Outbox outbox = context.getBean(Outbox.class);
        long[] sessions = {studio.classSessionId, studio.oneOnOneSessionId, studio.courseFutureSessionId};
        Set<String> tokens = new HashSet<>(List.of("meet.example.com/default", "pw1", "Default room"));

        for (Change change : changes) {
            Map<Long, Map<Channel, LinkDecision>> before = customerChannels(links, sessions);
            Map<Long, Long> rowsBefore = rowsPerSession(outbox, studio);
            apply(studio, change, sessions, tokens);
            Map<Long, Map<Channel, LinkDecision>> after = customerChannels(links, sessions);
            Map<Long, Long> rowsAfter = rowsPerSession(outbox, studio);
            for (long session : sessions) {
                boolean effective = effective(before.get(session), after.get(session));
                long written = rowsAfter.getOrDefault(session, 0L) - rowsBefore.getOrDefault(session, 0L);
                assertThat(written).as("%s on session %d (before %s, after %s)", change, session,
                        before.get(session), after.get(session)).isEqualTo(effective ? 1 : 0);
                Statistics.label("effective").collect(effective);
            }
        }

        // whatever is still to be sent says only what the email channel shows now
        MailRenderer renderer = context.getBean(MailRenderer.class);
        for (OutboxMessage row : outbox.list(studio.siteId, OutboxStatus.PENDING, 500)) {
            if (row.kind() != NotificationKind.LINK_CHANGED || !(renderer.render(row) instanceof MailRenderer.Ready ready)) {
                continue;
            }
            LinkDecision email = links.view(row.sessionId()).on(Channel.CONFIRMATION_EMAIL);
            Set<String> allowed = new HashSet<>();
            if (email.shown()) {
                allowed.add(email.link().url().replace("https://", ""));
                allowed.add(Objects.toString(email.link().password(), ""));
                allowed.add(Objects.toString(email.link().description(), ""));
                if (row.oldLinkUrl() != null) {
                    allowed.add(row.oldLinkUrl().replace("https://", ""));
                }
            }
            String everything = ready.email().subject() + ready.email().text() + ready.email().html();
            for (String token : tokens) {
                if (!allowed.contains(token)) {
                    assertThat(everything).as("email of %s must not contain %s", row, token).doesNotContain(token);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2)).as(Change::new).list().ofMinSize(1).ofMaxSize(5);
    }

    private static void apply(StudioFixture studio, Change change, long[] sessions, Set<String> tokens) throws Exception {
        long session = sessions[change.session()];
        String tag = studio.owner.substring(studio.owner.length() - 4) + change.link();
        String url = "https://meet.example.com/l" + tag;
        String linkJson = "{\"url\": \"%s\", \"password\": \"sec%s\", \"description\": \"room %s\"}".formatted(url, tag, tag);
        tokens.addAll(List.of("meet.example.com/l" + tag, "sec" + tag, "room " + tag));
        switch (change.op()) {
            case REPLACE_DEFAULT -> studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account",
                    "{\"provider\": \"CUSTOM_LINK\", \"link\": " + linkJson + "}");
            case DISCONNECT_DEFAULT -> studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account");
            case STAFF_OWN_LINK -> studio.ownerApi.put("/api/staff/" + studio.staffId + "/account",
                    "{\"provider\": \"CUSTOM_LINK\", \"link\": " + linkJson + "}");
            case STAFF_DISCONNECT -> studio.ownerApi.delete("/api/staff/" + studio.staffId + "/account");
            case ADD_LINK -> studio.ownerApi.put("/api/sessions/" + session + "/link", linkJson);
            case REMOVE_LINK -> studio.ownerApi.delete("/api/sessions/" + session + "/link");
            case RESTORE_LINK -> studio.ownerApi.delete("/api/sessions/" + session + "/link-override");
            case OFFLINE -> studio.ownerApi.put("/api/sessions/" + session + "/online", "{\"online\": false}");
            case ONLINE -> studio.ownerApi.put("/api/sessions/" + session + "/online", "{\"online\": true}");
            case HIDE_EMAIL -> studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility",
                    "{\"confirmationEmail\": false, \"myBookings\": true, \"memberPages\": false}");
            case SHOW_ALL -> studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility",
                    "{\"confirmationEmail\": true, \"myBookings\": true, \"memberPages\": true}");
        }
    }

    /** The oracle, from the decisions themselves: what a customer could notice on some channel. */
    private static boolean effective(Map<Channel, LinkDecision> before, Map<Channel, LinkDecision> after) {
        for (Channel channel : CUSTOMER) {
            LinkDecision was = before.get(channel);
            LinkDecision now = after.get(channel);
            if (was.status() == LinkStatus.HIDDEN || now.status() == LinkStatus.HIDDEN) {
                continue;
            }
            if (was.status() == LinkStatus.PENDING && now.status() == LinkStatus.SHOWN) {
                continue;
            }
            if (was.status() != now.status() || !Objects.equals(was.link(), now.link())) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, Map<Channel, LinkDecision>> customerChannels(SessionLinks links, long[] sessions) {
        Map<Long, Map<Channel, LinkDecision>> all = new java.util.HashMap<>();
        for (long session : sessions) {
            SessionView view = links.view(session);
            Map<Channel, LinkDecision> channels = new EnumMap<>(Channel.class);
            CUSTOMER.forEach(channel -> channels.put(channel, view.on(channel)));
            all.put(session, channels);
        }
        return all;
    }

    private static Map<Long, Long> rowsPerSession(Outbox outbox, StudioFixture studio) {
        Map<Long, Long> rows = new java.util.HashMap<>();
        List<OutboxMessage> changes = new ArrayList<>(outbox.list(studio.siteId, null, 1000));
        changes.stream().filter(row -> row.kind() == NotificationKind.LINK_CHANGED && row.sessionId() != null
                        && row.customerId() == studio.customerId)
                .forEach(row -> rows.merge(row.sessionId(), 1L, Long::sum));
        return rows;
    }
}
