package com.videolinks.conferencing.zoom;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;

/**
 * Zoom meetings hosted by one of the site's Zoom accounts: create, read back, update, delete. Handles the account's
 * token (refresh ahead of expiry; on a 401 refresh once and retry once) and Zoom's daily creation limit per host.
 * Failures surface as {@link ZoomException}s for the provisioning job to turn into a retry, a wait or an incident.
 */
@Component
@NamedInterface("zoom")
public class ZoomMeetingApi {

    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingApi.class);

    private final ZoomHttp http;
    private final ZoomTokens tokens;
    private final ZoomQuota quota;
    private final ConferencingAccounts accounts;
    private final ZoomProperties properties;
    private final ZoomCreationsInDoubt doubts;

    ZoomMeetingApi(ZoomHttp http, ZoomTokens tokens, ZoomQuota quota, ConferencingAccounts accounts,
                   ZoomProperties properties, ZoomCreationsInDoubt doubts) {
        this.http = http;
        this.tokens = tokens;
        this.quota = quota;
        this.accounts = accounts;
        this.properties = properties;
        this.doubts = doubts;
    }

    /** Reserves a creation, then creates the session's meeting ({@link #createReserved}). */
    public CreatedMeeting create(long accountId, long sessionId, MeetingSpec spec) {
        reserveCreation(accountId);
        return createReserved(accountId, sessionId, spec);
    }

    /**
     * Takes one creation from the host's daily allowance (its own short transaction), before any Zoom call: throws
     * {@link ZoomRateLimitedException} (daily) when it is spent, {@link ZoomNotConfiguredException} without a Zoom app.
     */
    public void reserveCreation(long accountId) {
        requireConfigured();
        quota.consumeCreation(accountId, hostLabel(accountId));
    }

    /**
     * Creates the session's meeting for a creation {@link #reserveCreation reserved} before. The creation is noted
     * before Zoom is asked ({@link ZoomCreationsInDoubt}) and the note removed once Zoom's answer is known; when an
     * earlier creation of this meeting never got its answer, Zoom is searched for it first, so a retry (of the job,
     * or after the node stopped) keeps the meeting Zoom made instead of leaving it behind and creating a second.
     */
    public CreatedMeeting createReserved(long accountId, long sessionId, MeetingSpec spec) {
        requireConfigured();
        String reference = reference(sessionId);
        boolean inDoubt = doubts.begin(accountId, reference);
        try {
            CreatedMeeting created = withToken(accountId, token -> http.create(token, spec, reference, inDoubt));
            doubts.end(accountId, reference);
            return created;
        } catch (ZoomUnavailableException unanswered) {
            // Zoom may have created it: the note stays for the next attempt to look first
            log.info("Session {}: Zoom did not confirm the creation of its meeting under {}; the next attempt looks "
                    + "for it in that Zoom account before creating one", sessionId, hostLabel(accountId));
            throw unanswered;
        } catch (ZoomRateLimitedException e) {
            doubts.end(accountId, reference);
            if (e.daily()) {
                quota.exhausted(accountId);
            }
            throw e;
        } catch (RuntimeException refused) {
            doubts.end(accountId, reference);
            throw refused;
        }
    }

    /** What a session's meeting carries in its agenda, so that it can be found in Zoom again. */
    static String reference(long sessionId) {
        return "videolinks session " + sessionId;
    }

    /** The meeting as Zoom has it now; empty when it was deleted in Zoom. */
    public Optional<CreatedMeeting> read(long accountId, String meetingId) {
        requireConfigured();
        return withToken(accountId, token -> http.get(token, meetingId));
    }

    /** False when the meeting no longer exists in Zoom. */
    public boolean update(long accountId, long sessionId, String meetingId, MeetingSpec spec) {
        requireConfigured();
        return withToken(accountId, token -> http.update(token, meetingId, spec, reference(sessionId)));
    }

    /** False when it was already gone. */
    public boolean delete(long accountId, String meetingId) {
        requireConfigured();
        return withToken(accountId, token -> http.delete(token, meetingId));
    }

    /** Meeting creations the host has left in the current quota day (an estimate: other jobs take them too). */
    public int creationsLeftToday(long accountId) {
        return quota.leftToday(accountId);
    }

    /** Zoom's meeting creations per host per quota day ({@code videolinks.zoom.daily-meeting-creations}). */
    public int dailyCreationLimit() {
        return quota.dailyLimit();
    }

    /** When the next quota day (UTC) begins. */
    public java.time.Instant nextQuotaDay() {
        return quota.nextDay();
    }

    /** "ZOOM account 7 (hana@example.com)": how logs, alerts and incidents name a host. */
    public String hostLabel(long accountId) {
        return accounts.find(accountId).map(ConferencingAccount::label).orElse("Zoom account " + accountId);
    }

    private <T> T withToken(long accountId, Function<String, T> call) {
        String token = tokens.accessToken(accountId);
        try {
            return call.apply(token);
        } catch (ZoomUnauthorizedException first) {
            String fresh = tokens.refreshRejected(accountId, token);
            try {
                return call.apply(fresh);
            } catch (ZoomUnauthorizedException again) {
                // twice in a row with a token Zoom just issued: not a stale token, so do not loop
                throw new ZoomRejectedException(401, again.getMessage() + " (also right after a token refresh)");
            }
        }
    }

    private void requireConfigured() {
        if (!properties.configured()) {
            throw ZoomNotConfigured.exception();
        }
    }
}
