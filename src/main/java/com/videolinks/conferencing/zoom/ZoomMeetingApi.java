package com.videolinks.conferencing.zoom;

import java.util.Optional;
import java.util.function.Function;

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

    private final ZoomHttp http;
    private final ZoomTokens tokens;
    private final ZoomQuota quota;
    private final ConferencingAccounts accounts;
    private final ZoomProperties properties;

    ZoomMeetingApi(ZoomHttp http, ZoomTokens tokens, ZoomQuota quota, ConferencingAccounts accounts,
                   ZoomProperties properties) {
        this.http = http;
        this.tokens = tokens;
        this.quota = quota;
        this.accounts = accounts;
        this.properties = properties;
    }

    public CreatedMeeting create(long accountId, MeetingSpec spec) {
        reserveCreation(accountId);
        return createReserved(accountId, spec);
    }

    /**
     * Takes one creation from the host's daily allowance (its own short transaction), before any Zoom call: throws
     * {@link ZoomRateLimitedException} (daily) when it is spent, {@link ZoomNotConfiguredException} without a Zoom app.
     */
    public void reserveCreation(long accountId) {
        requireConfigured();
        quota.consumeCreation(accountId, hostLabel(accountId));
    }

    /** Creates the meeting for a creation {@link #reserveCreation reserved} before. */
    public CreatedMeeting createReserved(long accountId, MeetingSpec spec) {
        requireConfigured();
        try {
            return withToken(accountId, token -> http.create(token, spec));
        } catch (ZoomRateLimitedException e) {
            if (e.daily()) {
                quota.exhausted(accountId);
            }
            throw e;
        }
    }

    /** The meeting as Zoom has it now; empty when it was deleted in Zoom. */
    public Optional<CreatedMeeting> read(long accountId, String meetingId) {
        requireConfigured();
        return withToken(accountId, token -> http.get(token, meetingId));
    }

    /** False when the meeting no longer exists in Zoom. */
    public boolean update(long accountId, String meetingId, MeetingSpec spec) {
        requireConfigured();
        return withToken(accountId, token -> http.update(token, meetingId, spec));
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
