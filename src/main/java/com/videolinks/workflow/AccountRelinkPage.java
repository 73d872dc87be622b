package com.videolinks.workflow;

import static com.videolinks.workflow.AccountRelinkVariables.AFTER_SESSION_ID;
import static com.videolinks.workflow.AccountRelinkVariables.DONE;
import static com.videolinks.workflow.AccountRelinkVariables.END_REASON;
import static com.videolinks.workflow.AccountRelinkVariables.EXPECTED_FINISH;
import static com.videolinks.workflow.AccountRelinkVariables.FAILED;
import static com.videolinks.workflow.AccountRelinkVariables.NEXT;
import static com.videolinks.workflow.AccountRelinkVariables.PASS;
import static com.videolinks.workflow.AccountRelinkVariables.RELINK_ID;
import static com.videolinks.workflow.AccountRelinkVariables.RETRY_AT;
import static com.videolinks.workflow.AccountRelinkVariables.SITE_ID;
import static com.videolinks.workflow.AccountRelinkVariables.STAFF_ID;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_BY_ACCOUNT;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_FOR_QUOTA;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_THIS_PASS;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.zoom.ZoomAccountDisconnectedException;
import com.videolinks.conferencing.zoom.ZoomMeetingApi;
import com.videolinks.conferencing.zoom.ZoomNotConfiguredException;
import com.videolinks.conferencing.zoom.ZoomRateLimitedException;
import com.videolinks.session.Sessions;

/**
 * Task {@code relinkSessionPage} of {@code account-relink}: the next page of the change's upcoming sessions (by id,
 * {@code relink-page-size} per job) is synced with what the rules conclude, one session at a time through
 * {@link ZoomMeetingProvisioning#sync} (Zoom called with no transaction or lock of ours open; customers told of every
 * effective change, #13). A session whose host has used today's Zoom creations waits: the pass goes on with the
 * others, and at its end the run waits at {@code waitForZoom} until the next quota day and passes again over the
 * sessions (those in sync cost no Zoom call). A short rate limit or a missing Zoom app makes the run wait and resume
 * at the same session. A session that fails otherwise gets a {@code zoom-meeting-provisioning} run of its own (its
 * retries, then an incident naming it) and the re-link goes on. A newer change of the same scope supersedes the run.
 */
@Component("accountRelinkPage")
class AccountRelinkPage implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AccountRelinkPage.class);

    private final AccountRelinkRequests requests;
    private final Sessions sessions;
    private final ZoomMeetingProvisioning provisioning;
    private final ZoomProvisioningTrigger trigger;
    private final ZoomMeetingApi zoom;
    private final RelinkEstimate estimate;
    private final Clock clock;
    private final int pageSize;

    AccountRelinkPage(AccountRelinkRequests requests, Sessions sessions, ZoomMeetingProvisioning provisioning,
                      ZoomProvisioningTrigger trigger, ZoomMeetingApi zoom, RelinkEstimate estimate, Clock clock,
                      ProcessesProperties properties) {
        this.requests = requests;
        this.sessions = sessions;
        this.provisioning = provisioning;
        this.trigger = trigger;
        this.zoom = zoom;
        this.estimate = estimate;
        this.clock = clock;
        this.pageSize = properties.relinkPageSize();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long relinkId = number(execution, RELINK_ID);
        long siteId = number(execution, SITE_ID);
        Long staffId = execution.getVariable(STAFF_ID) instanceof Number n ? n.longValue() : null;
        Optional<Long> newer = requests.supersededBy(relinkId, siteId, staffId);
        if (newer.isPresent()) {
            execution.setVariable(NEXT, "SUPERSEDED");
            execution.setVariable(END_REASON, "superseded by a newer account change (re-link " + newer.get()
                    + "), which looks at every session again");
            log.info("Site {}: re-link {} superseded by re-link {}", siteId, relinkId, newer.get());
            return;
        }
        int pass = ((Number) execution.getVariable(PASS)).intValue();
        long after = number(execution, AFTER_SESSION_ID);
        long done = number(execution, DONE);
        long waiting = number(execution, WAITING_FOR_QUOTA);
        long waitingThisPass = number(execution, WAITING_THIS_PASS);
        long failed = number(execution, FAILED);
        Map<Long, Long> waitingBy = after == 0 && pass > 1 ? new TreeMap<>()
                : decode((String) execution.getVariable(WAITING_BY_ACCOUNT));
        Instant now = clock.instant();
        List<Long> page = sessions.upcomingPage(siteId, staffId, now, after, pageSize);
        String next = "PAGE";
        Instant retryAt = null;
        for (long sessionId : page) {
            try {
                provisioning.sync(sessionId);
                done += pass == 1 ? 1 : 0;
            } catch (ZoomRateLimitedException e) {
                if (!e.daily()) {
                    next = "WAIT";
                    retryAt = e.retryAt();
                    log.info("Site {}: re-link {} waits for Zoom's rate limit until {} (session {})", siteId, relinkId,
                            retryAt, sessionId);
                    break;
                }
                Long host = provisioning.creationNeededUnder(sessionId);
                waitingBy.merge(host == null ? 0L : host, 1L, Long::sum);
                if (pass == 1) {
                    waiting++;
                } else {
                    waitingThisPass++;
                }
            } catch (ZoomNotConfiguredException e) {
                next = "WAIT";
                retryAt = now.plus(ZoomMeetingProvisioningDelegate.NOT_CONFIGURED_RECHECK);
                log.info("Site {}: re-link {} waits until {}: {}", siteId, relinkId, retryAt, e.getMessage());
                break;
            } catch (ZoomAccountDisconnectedException e) {
                // the business is alerted; the host's sessions get runs of their own towards another account
                trigger.hostDisconnected(e.affectedSessionIds());
                done += pass == 1 ? 1 : 0;
            } catch (RuntimeException e) {
                failed++;
                trigger.retryAlone(sessionId, "account re-link " + relinkId + " could not sync it: " + e.getMessage());
                log.warn("Site {}: re-link {} could not sync session {} ({}); it gets a zoom-meeting-provisioning run "
                        + "of its own, which retries and then raises an incident", siteId, relinkId, sessionId,
                        e.getMessage());
            }
            after = sessionId;
        }
        if ("PAGE".equals(next) && page.size() < pageSize) {
            if (pass > 1) {
                // of the sessions that waited, those no longer waiting are done (or failed, counted there)
                done = Math.max(done, done + waiting - waitingThisPass);
                waiting = waitingThisPass;
            }
            if (waiting > 0) {
                next = "WAIT";
                retryAt = zoom.nextQuotaDay();
                execution.setVariable(EXPECTED_FINISH, Date.from(estimate.finish(waitingBy, false)));
                execution.setVariable(PASS, pass + 1);
                after = 0;
                waitingThisPass = 0;
                log.info("Site {}: re-link {} pass {} done; {} sessions wait for their hosts' next Zoom quota day "
                        + "({}), expected finish {}", siteId, relinkId, pass, waiting, retryAt,
                        execution.getVariable(EXPECTED_FINISH));
            } else {
                next = "DONE";
                execution.setVariable(END_REASON, done + " sessions in sync" + (failed > 0 ? ", " + failed
                        + " handed to zoom-meeting-provisioning runs of their own" : ""));
                log.info("Site {}: re-link {} finished: {} sessions in sync, {} failed", siteId, relinkId, done, failed);
            }
        }
        execution.setVariable(NEXT, next);
        if (retryAt != null) {
            execution.setVariable(RETRY_AT, Date.from(retryAt));
        }
        execution.setVariable(AFTER_SESSION_ID, after);
        execution.setVariable(DONE, done);
        execution.setVariable(WAITING_FOR_QUOTA, waiting);
        execution.setVariable(WAITING_THIS_PASS, waitingThisPass);
        execution.setVariable(FAILED, failed);
        execution.setVariable(WAITING_BY_ACCOUNT, encode(waitingBy));
    }

    private static long number(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).longValue();
    }

    /** "7=120,9=30": sessions waiting per host account (a plain string, so Cockpit shows it). */
    static String encode(Map<Long, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<Long, Long> decode(String counts) {
        Map<Long, Long> decoded = new TreeMap<>();
        if (counts == null || counts.isBlank()) {
            return decoded;
        }
        Arrays.stream(counts.split(",")).map(pair -> pair.split("=", 2))
                .forEach(pair -> decoded.put(Long.parseLong(pair[0]), Long.parseLong(pair[1])));
        return decoded;
    }
}
