package com.videolinks.conferencing;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.ConflictException;
import com.videolinks.common.NotFoundException;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.ConnectRefused;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;
import com.videolinks.staff.StaffRemoved;

/**
 * Connects and disconnects the site's default account (S2, S7, S9) and staff members' own accounts
 * (S10, S12, S13). Whether a staff account may be connected is the link policy's call (S4, S14, S15).
 * Custom links connect directly; Zoom accounts only once Zoom's OAuth sign-in has completed.
 */
@Service
public class AccountConnections {

    private static final Logger log = LoggerFactory.getLogger(AccountConnections.class);

    private final ConferencingAccounts accounts;
    private final Sites sites;
    private final StaffMembers staff;
    private final LinkPolicy policy;
    private final ApplicationEventPublisher events;

    AccountConnections(ConferencingAccounts accounts, Sites sites, StaffMembers staff, LinkPolicy policy,
                       ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.sites = sites;
        this.staff = staff;
        this.policy = policy;
        this.events = events;
    }

    public Optional<ConferencingAccount> defaultAccount(long siteId) {
        Site site = sites.get(siteId);
        return Optional.ofNullable(site.defaultAccountId()).flatMap(accounts::find);
    }

    public Optional<ConferencingAccount> staffAccount(long staffId) {
        return Optional.ofNullable(staff.get(staffId).accountId()).flatMap(accounts::find);
    }

    /** Connects a custom link as the new default account (S3); the previous one is disconnected and kept for history. */
    @Transactional
    public ConferencingAccount connectDefault(long siteId, AccountRequest request) {
        request.checkMatchesProvider();
        return connectDefault(siteId, Provider.CUSTOM_LINK, null, request.link().toLink());
    }

    /** As {@link #connectDefault(long, AccountRequest)} for a link already validated as the API validates it (the dashboard). */
    @Transactional
    public ConferencingAccount connectDefaultCustomLink(long siteId, Link link) {
        return connectDefault(siteId, Provider.CUSTOM_LINK, null, link);
    }

    /** Makes a Zoom account whose OAuth sign-in just completed the site's default (S2, S8). */
    @Transactional
    public ConferencingAccount connectZoomDefault(long siteId, String zoomUser) {
        return connectDefault(siteId, Provider.ZOOM, zoomUser, null);
    }

    private ConferencingAccount connectDefault(long siteId, Provider provider, String zoomUser, Link link) {
        Site site = sites.get(siteId);
        defaultAccount(siteId).filter(ConferencingAccount::connected).ifPresent(old -> accounts.disconnect(old.id()));
        ConferencingAccount account = accounts.connect(siteId, null, provider, zoomUser, link);
        sites.setDefaultAccount(site.id(), account.id());
        log.info("Site {} connected a {} default account {}", siteId, account.provider(), account.id());
        events.publishEvent(new AccountChanged(account.id(), siteId, null, true));
        return account;
    }

    /** S9: every link on the site disappears, staff accounts included, until a default is connected again. */
    @Transactional
    public ConferencingAccount disconnectDefault(long siteId) {
        ConferencingAccount account = defaultAccount(siteId).filter(ConferencingAccount::connected)
                .orElseThrow(() -> new ConflictException("no-default-account",
                        "Site " + siteId + " has no connected default account to disconnect"));
        accounts.disconnect(account.id());
        log.warn("Site {} disconnected its default account {}: no session shows a video link until one is connected (S9)",
                siteId, account.id());
        events.publishEvent(new AccountChanged(account.id(), siteId, null, false));
        return accounts.find(account.id()).orElseThrow();
    }

    /**
     * Refuses with 409 and the policy's reasons when the staff member may not connect their own account now
     * (S4, S14, S15). Asked before a Zoom sign-in starts and again when it completes.
     */
    public Staff requireStaffMayConnect(long staffId, boolean bySelf) {
        Staff member = staff.get(staffId);
        ConnectDecision decision = staffConnectDecision(member.siteId(), staffId, bySelf);
        if (!decision.allowed()) {
            throw new ConflictException("staff-account-refused",
                    "Staff member " + staffId + " cannot connect their own account now",
                    decision.refusals().stream().map(ConnectRefused::reason).toList());
        }
        return member;
    }

    /**
     * The policy's answer to "may this staff member connect their own account now?" (S4, S14, S15) without acting
     * on it; {@code staffId} 0 asks for the site's staff in general (the owner's dashboard shows the answer).
     */
    public ConnectDecision staffConnectDecision(long siteId, long staffId, boolean bySelf) {
        Site site = sites.get(siteId);
        AccountFact defaultFact = defaultAccount(site.id()).map(ConferencingAccount::toFact).orElse(null);
        return policy.mayConnectStaffAccount(site.toFact(), defaultFact, new StaffConnectRequest(staffId, bySelf));
    }

    /** Connects a staff member's own custom link if the policy allows it now; otherwise 409 with the policy's reasons. */
    @Transactional
    public ConferencingAccount connectStaff(long staffId, AccountRequest request, boolean bySelf) {
        request.checkMatchesProvider();
        return connectStaff(staffId, Provider.CUSTOM_LINK, null, request.link().toLink(), bySelf);
    }

    /**
     * Connects a staff member's own custom link (already validated) if the policy allows it now; otherwise 409 with
     * the policy's reasons. The staff onboarding workflow's activation step (S13, S16).
     */
    @Transactional
    public ConferencingAccount connectStaffCustomLink(long staffId, Link link, boolean bySelf) {
        return connectStaff(staffId, Provider.CUSTOM_LINK, null, link, bySelf);
    }

    /** Makes a Zoom account whose OAuth sign-in just completed the staff member's own (S12, S16), policy permitting. */
    @Transactional
    public ConferencingAccount connectZoomStaff(long staffId, String zoomUser, boolean bySelf) {
        return connectStaff(staffId, Provider.ZOOM, zoomUser, null, bySelf);
    }

    private ConferencingAccount connectStaff(long staffId, Provider provider, String zoomUser, Link link, boolean bySelf) {
        Staff member = requireStaffMayConnect(staffId, bySelf);
        staffAccount(staffId).filter(ConferencingAccount::connected).ifPresent(old -> accounts.disconnect(old.id()));
        ConferencingAccount account = accounts.connect(member.siteId(), staffId, provider, zoomUser, link);
        staff.setAccount(staffId, account.id());
        log.info("Staff member {} of site {} connected a {} account {}", staffId, member.siteId(), account.provider(),
                account.id());
        events.publishEvent(new AccountChanged(account.id(), member.siteId(), staffId, true));
        return account;
    }

    /** A staff member who left the site keeps no account of their own: their sessions use the default (S10). */
    @EventListener
    void on(StaffRemoved removed) {
        if (staffAccount(removed.staffId()).filter(ConferencingAccount::connected).isPresent()) {
            disconnectStaff(removed.staffId());
        }
    }

    /**
     * The plugin was removed from the site (or it is closed): the default account and every staff account are
     * disconnected, so no session of the site shows a link from now on (S9). Returns the accounts disconnected.
     */
    @Transactional
    public java.util.List<ConferencingAccount> disconnectAll(long siteId, String reason) {
        java.util.List<ConferencingAccount> disconnected = new java.util.ArrayList<>();
        for (Staff member : staff.ofSite(siteId)) {
            staffAccount(member.id()).filter(ConferencingAccount::connected).ifPresent(account -> {
                accounts.markDisconnected(account.id(), reason);
                events.publishEvent(new AccountChanged(account.id(), siteId, member.id(), false));
                disconnected.add(account);
            });
        }
        defaultAccount(siteId).filter(ConferencingAccount::connected).ifPresent(account -> {
            accounts.markDisconnected(account.id(), reason);
            events.publishEvent(new AccountChanged(account.id(), siteId, null, false));
            disconnected.add(account);
        });
        log.warn("Site {}: {}; {} account(s) disconnected, no session of the site shows a video link (S9)", siteId,
                reason, disconnected.size());
        return disconnected;
    }

    /** The staff member's sessions fall back to the site's default account (S10). */
    @Transactional
    public ConferencingAccount disconnectStaff(long staffId) {
        ConferencingAccount account = staffAccount(staffId).filter(ConferencingAccount::connected)
                .orElseThrow(() -> new NotFoundException("connected account of staff member", staffId));
        accounts.disconnect(account.id());
        log.info("Staff member {} disconnected their account {}", staffId, account.id());
        events.publishEvent(new AccountChanged(account.id(), account.siteId(), staffId, false));
        return accounts.find(account.id()).orElseThrow();
    }
}
