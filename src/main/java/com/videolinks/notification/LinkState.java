package com.videolinks.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.SessionView;

/**
 * What a session shows its customers on each customer channel, as far as a link-changed notice cares: the status,
 * the URL and a keyed digest of password and description (so a changed password is a change, and the state can be
 * stored without the secret). Stored per session ({@code session_link_state}) and compared with the next evaluation.
 */
record LinkState(Map<Channel, Shown> channels) {

    static final List<Channel> CUSTOMER_CHANNELS =
            List.of(Channel.CONFIRMATION_EMAIL, Channel.MY_BOOKINGS, Channel.MEMBER_PAGES);
    private static final String DIGEST_PURPOSE = "link-state";

    /** One channel: status, and for SHOWN the URL and the digest of the rest. */
    record Shown(LinkStatus status, String url, String secret) {
    }

    LinkState {
        channels = Map.copyOf(new EnumMap<>(channels));
    }

    static LinkState of(SessionView view, SecretBox secrets) {
        Map<Channel, Shown> channels = new EnumMap<>(Channel.class);
        for (Channel channel : CUSTOMER_CHANNELS) {
            LinkDecision decision = view.on(channel);
            channels.put(channel, decision.shown()
                    ? new Shown(LinkStatus.SHOWN, decision.link().url(), secrets.digest(
                            decision.link().password() + "\u0000" + decision.link().description(), DIGEST_PURPOSE))
                    : new Shown(decision.status(), null, null));
        }
        return new LinkState(channels);
    }

    /**
     * Whether a customer who knew {@code before} must be told about this state. Per customer channel: a channel
     * hidden before or now changes nothing (what the business hides is its visibility choice, S21, not a link change);
     * a pending link that now shows is delivered by the link-ready email, not a change; any other difference is.
     */
    boolean effectiveChangeFrom(LinkState before) {
        for (Channel channel : CUSTOMER_CHANNELS) {
            Shown was = before.channels().get(channel);
            Shown now = channels.get(channel);
            if (was == null || now == null || was.status() == LinkStatus.HIDDEN || now.status() == LinkStatus.HIDDEN
                    || was.equals(now)) {
                continue;
            }
            if (was.status() == LinkStatus.PENDING && now.status() == LinkStatus.SHOWN) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** The URL the confirmation email channel showed, if it showed one. */
    String emailUrl() {
        Shown email = channels.get(Channel.CONFIRMATION_EMAIL);
        return email == null ? null : email.url();
    }

    String serialize() {
        StringBuilder text = new StringBuilder();
        for (Channel channel : CUSTOMER_CHANNELS) {
            Shown shown = channels.get(channel);
            text.append(channel).append('\t').append(shown.status()).append('\t')
                    .append(Objects.toString(shown.url(), "")).append('\t')
                    .append(Objects.toString(shown.secret(), "")).append('\n');
        }
        return text.toString();
    }

    static LinkState parse(String text) {
        Map<Channel, Shown> channels = new EnumMap<>(Channel.class);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            channels.put(Channel.valueOf(parts[0]), new Shown(LinkStatus.valueOf(parts[1]),
                    parts[2].isEmpty() ? null : parts[2], parts[3].isEmpty() ? null : parts[3]));
        }
        return new LinkState(channels);
    }
}
