package com.videolinks.host;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.videolinks.booking.Booking;
import com.videolinks.booking.BookingDesk;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customer;
import com.videolinks.booking.CustomerDirectory;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceCatalog;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.InvalidInputException;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.zoom.ZoomGrantRevocations;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.session.Session;
import com.videolinks.session.SessionCapacity;
import com.videolinks.session.SessionScheduling;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffDirectory;
import com.videolinks.staff.StaffMembers;

/**
 * Applies one host event through the same domain services the REST API uses (no second write path). Runs inside
 * the caller's transaction, which also stores the event's receipt. An event older than what was applied is IGNORED;
 * one whose parent has not arrived throws {@link WaitingForParent} before changing anything; a delete of something not
 * known yet leaves a tombstone, so its late create is ignored.
 */
@Component
class HostEventApplier {

    private static final Logger log = LoggerFactory.getLogger(HostEventApplier.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Usernames of the owners of installed sites: the host's owner id after it (no colon: HTTP Basic splits there). */
    static final String OWNER_PREFIX = "host-owner.";
    static final String REMOVED_REASON = "the plugin was removed from the site on the host platform";

    private final Sites sites;
    private final StaffMembers staff;
    private final StaffDirectory staffDirectory;
    private final ServiceOfferings services;
    private final ServiceCatalog catalog;
    private final Sessions sessions;
    private final SessionScheduling scheduling;
    private final Customers customers;
    private final CustomerDirectory customerDirectory;
    private final Bookings bookings;
    private final BookingDesk desk;
    private final AccountConnections accounts;
    private final ZoomGrantRevocations zoomGrants;
    private final AppUsers users;
    private final HostInstallations installations;
    private final HostEntityVersions versions;
    private final HostProperties properties;
    private final Clock clock;

    HostEventApplier(Sites sites, StaffMembers staff, StaffDirectory staffDirectory, ServiceOfferings services,
                     ServiceCatalog catalog, Sessions sessions, SessionScheduling scheduling, Customers customers,
                     CustomerDirectory customerDirectory, Bookings bookings, BookingDesk desk,
                     AccountConnections accounts, ZoomGrantRevocations zoomGrants, AppUsers users,
                     HostInstallations installations, HostEntityVersions versions, HostProperties properties,
                     Clock clock) {
        this.sites = sites;
        this.staff = staff;
        this.staffDirectory = staffDirectory;
        this.services = services;
        this.catalog = catalog;
        this.sessions = sessions;
        this.scheduling = scheduling;
        this.customers = customers;
        this.customerDirectory = customerDirectory;
        this.bookings = bookings;
        this.desk = desk;
        this.accounts = accounts;
        this.zoomGrants = zoomGrants;
        this.users = users;
        this.installations = installations;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
    }

    HostEventOutcome apply(String keyId, HostEvent event, HostEventType type, Object data) {
        String siteHostId = event.siteId();
        if (type == HostEventType.PLUGIN_INSTALLED) {
            return install(keyId, event, (HostEventData.PluginInstalled) data);
        }
        Site site = sites.findByHostId(siteHostId).orElseThrow(() -> new WaitingForParent(
                EntityKind.SITE_INSTALLATION.key(siteHostId, siteHostId),
                "site " + siteHostId + " has not installed the plugin yet (plugin.installed)"));
        HostInstallations.Installation installation = ownedInstallation(keyId, site, siteHostId);
        if (installation.removed()) {
            return HostEventOutcome.ignored(REMOVED_REASON + "; events about it are not applied");
        }
        String entity = event.entityHostId(type);
        Optional<HostEventOutcome> older = olderThanApplied(siteHostId, type.kind(), entity, event.version());
        if (older.isPresent()) {
            return older.get();
        }
        HostEventOutcome outcome = switch (type) {
            case PLUGIN_INSTALLED -> throw new IllegalStateException("handled above");
            case PLUGIN_REMOVED -> remove(site);
            case SITE_PLAN_CHANGED -> changePlan(site, (HostEventData.PlanChanged) data);
            case STAFF_CREATED, STAFF_UPDATED -> upsertStaff(site, siteHostId, entity, (HostEventData.StaffMember) data);
            case STAFF_REMOVED -> removeStaff(site, siteHostId, entity);
            case SERVICE_CREATED, SERVICE_UPDATED -> upsertService(site, siteHostId, entity, (HostEventData.Service) data);
            case SERVICE_DELETED -> deleteService(site, siteHostId, entity);
            case SESSION_SCHEDULED -> schedule(site, siteHostId, entity, (HostEventData.SessionScheduled) data);
            case SESSION_RESCHEDULED -> reschedule(site, siteHostId, entity, (HostEventData.SessionRescheduled) data);
            case SESSION_CANCELLED -> cancelSession(site, siteHostId, entity);
            case CUSTOMER_CREATED, CUSTOMER_UPDATED -> upsertCustomer(site, siteHostId, entity, (HostEventData.Customer) data);
            case CUSTOMER_ERASURE_REQUESTED -> eraseCustomer(site, siteHostId, entity);
            case BOOKING_CREATED -> book(site, siteHostId, entity, (HostEventData.BookingCreated) data);
            case BOOKING_CANCELLED -> cancelBooking(site, siteHostId, entity);
        };
        versions.record(siteHostId, type.kind(), entity, event.version(), deletes(type));
        return outcome;
    }

    private static boolean deletes(HostEventType type) {
        return switch (type) {
            case STAFF_REMOVED, SERVICE_DELETED, SESSION_CANCELLED, CUSTOMER_ERASURE_REQUESTED, BOOKING_CANCELLED -> true;
            default -> false;
        };
    }

    private Optional<HostEventOutcome> olderThanApplied(String siteHostId, EntityKind kind, String entity, long version) {
        return versions.find(siteHostId, kind, entity).flatMap(applied -> {
            if (applied.deleted()) {
                return Optional.of(HostEventOutcome.ignored(kind.name().toLowerCase() + " " + entity
                        + " was deleted or cancelled at version " + applied.version()));
            }
            if (version <= applied.version()) {
                return Optional.of(HostEventOutcome.ignored("version " + version + " is not newer than version "
                        + applied.version() + " already applied"));
            }
            return Optional.empty();
        });
    }

    private HostInstallations.Installation ownedInstallation(String keyId, Site site, String siteHostId) {
        HostInstallations.Installation installation = installations.find(site.id()).orElse(null);
        if (installation == null || !installation.keyId().equals(keyId)) {
            throw new HostEventRefused(HttpStatus.FORBIDDEN, "site-not-owned-by-key", "site " + siteHostId
                    + " was not installed with key " + keyId + "; a key sends events only for the sites it installed");
        }
        return installation;
    }

    // --- plugin lifecycle and plan ---------------------------------------------------------------------------------

    private HostEventOutcome install(String keyId, HostEvent event, HostEventData.PluginInstalled data) {
        String siteHostId = event.siteId();
        ZoneId zone = zone(data.timeZone());
        Optional<Site> existing = sites.findByHostId(siteHostId);
        if (existing.isPresent()) {
            Site site = existing.get();
            HostInstallations.Installation installation = installations.find(site.id()).orElse(null);
            if (installation != null && !installation.keyId().equals(keyId)) {
                ownedInstallation(keyId, site, siteHostId);
            }
            Optional<HostEventOutcome> older = olderThanApplied(siteHostId, EntityKind.SITE_INSTALLATION, siteHostId,
                    event.version());
            if (older.isPresent()) {
                return older.get();
            }
            if (installation == null) {
                installations.install(site.id(), keyId, clock.instant());
            } else if (installation.removed()) {
                installations.reinstall(site.id(), clock.instant());
                log.info("Plugin installed again on site {} ({}); connect a default account to show links again",
                        site.id(), siteHostId);
            }
            applyPlanIfNewer(site, siteHostId, data.plan(), event.version());
            if (data.replyTo() != null) {
                sites.changeContactEmail(site.id(), data.replyTo());
            }
            versions.record(siteHostId, EntityKind.SITE_INSTALLATION, siteHostId, event.version(), false);
            return HostEventOutcome.applied();
        }
        String owner = OWNER_PREFIX + data.owner().id().strip();
        if (users.find(owner).isEmpty()) {
            // the host's identity signs the owner in (#9); this account only owns the site and has no usable password
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            users.create(owner, Base64.getEncoder().encodeToString(random), Role.OWNER, null, null);
        }
        Site site = sites.create(data.name().strip(), owner, data.plan(), zone, false, Visibility.everywhere());
        sites.setHostId(site.id(), siteHostId);
        sites.changeContactEmail(site.id(), data.replyTo());
        installations.install(site.id(), keyId, clock.instant());
        versions.record(siteHostId, EntityKind.SITE_INSTALLATION, siteHostId, event.version(), false);
        versions.record(siteHostId, EntityKind.SITE_PLAN, siteHostId, event.version(), false);
        log.info("Plugin installed on site {} ({}) with key {}, plan {}", site.id(), siteHostId, keyId, data.plan());
        return HostEventOutcome.applied();
    }

    private void applyPlanIfNewer(Site site, String siteHostId, com.videolinks.policy.vocabulary.Plan plan, long version) {
        if (olderThanApplied(siteHostId, EntityKind.SITE_PLAN, siteHostId, version).isEmpty()) {
            sites.changePlan(site.id(), plan);
            versions.record(siteHostId, EntityKind.SITE_PLAN, siteHostId, version, false);
        }
    }

    /** Links stop at once (every account disconnected, S9); Zoom grants are revoked; personal data later. */
    private HostEventOutcome remove(Site site) {
        Instant now = clock.instant();
        Instant eraseAt = now.plus(properties.eraseAfter());
        accounts.disconnectAll(site.id(), REMOVED_REASON);
        int grants = zoomGrants.revokeAllOfSite(site.id());
        installations.remove(site.id(), now, eraseAt);
        log.warn("Plugin removed from site {}: no session shows a link, {} Zoom grant(s) to revoke, personal data "
                + "erased at {} unless the plugin is installed again before", site.id(), grants, eraseAt);
        return HostEventOutcome.applied("personal data will be erased at " + eraseAt);
    }

    private HostEventOutcome changePlan(Site site, HostEventData.PlanChanged data) {
        sites.changePlan(site.id(), data.plan());
        log.info("Site {} plan changed on the host to {}", site.id(), data.plan());
        return HostEventOutcome.applied();
    }

    // --- staff and services ----------------------------------------------------------------------------------------

    private HostEventOutcome upsertStaff(Site site, String siteHostId, String entity, HostEventData.StaffMember data) {
        List<Long> serviceIds = new ArrayList<>();
        for (String serviceHostId : data.serviceIds() == null ? List.<String>of() : data.serviceIds()) {
            ServiceOffering service = services.findByHostId(site.id(), serviceHostId).orElseThrow(() ->
                    new WaitingForParent(EntityKind.SERVICE.key(siteHostId, serviceHostId),
                            "service " + serviceHostId + " of staff member " + entity + " has not arrived yet"));
            serviceIds.add(service.id());
        }
        Staff member = staff.findByHostId(site.id(), entity).orElse(null);
        if (member == null) {
            member = staffDirectory.add(site.id(), data.name(), data.email(), data.locale());
            staff.setHostId(member.id(), entity);
        } else {
            staffDirectory.update(member.id(), data.name(), data.email(), data.locale());
        }
        catalog.assignServicesOfStaff(member.id(), serviceIds);
        return HostEventOutcome.applied();
    }

    private HostEventOutcome removeStaff(Site site, String siteHostId, String entity) {
        Optional<Staff> member = staff.findByHostId(site.id(), entity);
        if (member.isEmpty()) {
            return HostEventOutcome.applied("staff member " + entity + " is not known here; remembered as removed");
        }
        staffDirectory.remove(member.get().id());
        return HostEventOutcome.applied();
    }

    private HostEventOutcome upsertService(Site site, String siteHostId, String entity, HostEventData.Service data) {
        Optional<ServiceOffering> existing = services.findByHostId(site.id(), entity);
        if (existing.isEmpty()) {
            ServiceOffering created = catalog.create(site.id(), data.name(), data.kind(), data.online());
            services.setHostId(created.id(), entity);
        } else {
            catalog.update(existing.get().id(), data.name(), data.kind(), data.online());
        }
        return HostEventOutcome.applied();
    }

    private HostEventOutcome deleteService(Site site, String siteHostId, String entity) {
        Optional<ServiceOffering> service = services.findByHostId(site.id(), entity);
        if (service.isEmpty()) {
            return HostEventOutcome.applied("service " + entity + " is not known here; remembered as deleted");
        }
        catalog.delete(service.get().id());
        return HostEventOutcome.applied();
    }

    // --- sessions --------------------------------------------------------------------------------------------------

    private HostEventOutcome schedule(Site site, String siteHostId, String entity, HostEventData.SessionScheduled data) {
        ServiceOffering service = services.findByHostId(site.id(), data.serviceId()).orElseThrow(() ->
                new WaitingForParent(EntityKind.SERVICE.key(siteHostId, data.serviceId()),
                        "service " + data.serviceId() + " of session " + entity + " has not arrived yet"));
        if (versions.find(siteHostId, EntityKind.SERVICE, data.serviceId()).filter(HostEntityVersions.Applied::deleted)
                .isPresent()) {
            return HostEventOutcome.ignored("service " + data.serviceId() + " was deleted");
        }
        Long staffId = null;
        if (data.staffId() != null) {
            Staff member = staff.findByHostId(site.id(), data.staffId()).orElseThrow(() ->
                    new WaitingForParent(EntityKind.STAFF.key(siteHostId, data.staffId()),
                            "staff member " + data.staffId() + " of session " + entity + " has not arrived yet"));
            if (!services.get(service.id()).staffIds().contains(member.id())) {
                throw new WaitingForParent(EntityKind.STAFF.key(siteHostId, data.staffId()), "staff member "
                        + data.staffId() + " is not assigned to service " + data.serviceId() + " yet (staff.updated)");
            }
            staffId = member.id();
        }
        Optional<Session> existing = sessions.findByHostId(site.id(), entity);
        if (existing.isPresent()) {
            // a newer full state of a session we have: it moved and/or went online or offline
            Session session = existing.get();
            if (!session.startsAt().equals(data.startsAt()) || !session.endsAt().equals(data.endsAt())) {
                scheduling.move(session.id(), data.startsAt(), data.endsAt());
            }
            boolean online = data.online() == null ? service.online() : data.online();
            if (session.online() != online) {
                scheduling.changeOnline(session.id(), online);
            }
            return HostEventOutcome.applied("session " + entity + " existed: moved to the newer state");
        }
        Session session = scheduling.schedule(service.id(), staffId, data.startsAt(), data.endsAt(), data.online(),
                SessionCapacity.of(service.kind(), data.capacity()));
        sessions.setHostId(session.id(), entity);
        return HostEventOutcome.applied();
    }

    private HostEventOutcome reschedule(Site site, String siteHostId, String entity, HostEventData.SessionRescheduled data) {
        Session session = sessions.findByHostId(site.id(), entity).orElseThrow(() -> new WaitingForParent(
                EntityKind.SESSION.key(siteHostId, entity),
                "session " + entity + " is rescheduled before it was scheduled (session.scheduled)"));
        scheduling.move(session.id(), data.startsAt(), data.endsAt());
        return HostEventOutcome.applied();
    }

    private HostEventOutcome cancelSession(Site site, String siteHostId, String entity) {
        Optional<Session> session = sessions.findByHostId(site.id(), entity);
        if (session.isEmpty()) {
            return HostEventOutcome.applied("session " + entity + " is not known here; remembered as cancelled, "
                    + "so its late session.scheduled is ignored");
        }
        scheduling.cancel(session.get().id());
        return HostEventOutcome.applied();
    }

    // --- customers and bookings ------------------------------------------------------------------------------------

    private HostEventOutcome upsertCustomer(Site site, String siteHostId, String entity, HostEventData.Customer data) {
        Optional<Customer> existing = customers.findByHostId(site.id(), entity);
        if (existing.isEmpty()) {
            Customer created = customerDirectory.add(site.id(), data.name(), data.email(), data.locale(), data.timeZone());
            customers.setHostId(created.id(), entity);
        } else {
            customerDirectory.update(existing.get().id(), data.name(), data.email(), data.locale(), data.timeZone());
        }
        return HostEventOutcome.applied();
    }

    private HostEventOutcome eraseCustomer(Site site, String siteHostId, String entity) {
        Optional<Customer> customer = customers.findByHostId(site.id(), entity);
        if (customer.isEmpty()) {
            return HostEventOutcome.applied("customer " + entity + " is not known here; remembered as erased");
        }
        customerDirectory.erase(customer.get().id());
        return HostEventOutcome.applied("name and email erased; bookings kept for the business's bookkeeping");
    }

    private HostEventOutcome book(Site site, String siteHostId, String entity, HostEventData.BookingCreated data) {
        Session session = sessions.findByHostId(site.id(), data.sessionId()).orElseThrow(() -> new WaitingForParent(
                EntityKind.SESSION.key(siteHostId, data.sessionId()),
                "session " + data.sessionId() + " of booking " + entity + " has not arrived yet"));
        Customer customer = customers.findByHostId(site.id(), data.customerId()).orElseThrow(() -> new WaitingForParent(
                EntityKind.CUSTOMER.key(siteHostId, data.customerId()),
                "customer " + data.customerId() + " of booking " + entity + " has not arrived yet"));
        if (bookings.findByHostId(site.id(), entity).isPresent()) {
            return HostEventOutcome.ignored("booking " + entity + " exists already");
        }
        Booking booking = desk.book(session.id(), customer.id());
        bookings.setHostId(booking.id(), entity);
        return HostEventOutcome.applied();
    }

    private HostEventOutcome cancelBooking(Site site, String siteHostId, String entity) {
        Optional<Booking> booking = bookings.findByHostId(site.id(), entity);
        if (booking.isEmpty()) {
            return HostEventOutcome.applied("booking " + entity + " is not known here; remembered as cancelled, "
                    + "so its late booking.created is ignored (no confirmation email)");
        }
        desk.cancel(booking.get().id());
        return HostEventOutcome.applied();
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.of("Asia/Seoul");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("data.timeZone", "is not a known time zone such as Asia/Seoul");
        }
    }
}
