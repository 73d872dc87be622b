package com.videolinks.host;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every event type the host may send, its wire name, what it is about and the shape of its data. */
enum HostEventType {
    PLUGIN_INSTALLED("plugin.installed", EntityKind.SITE_INSTALLATION, HostEventData.PluginInstalled.class),
    PLUGIN_REMOVED("plugin.removed", EntityKind.SITE_INSTALLATION, HostEventData.NoData.class),
    SITE_PLAN_CHANGED("site.plan_changed", EntityKind.SITE_PLAN, HostEventData.PlanChanged.class),
    STAFF_CREATED("staff.created", EntityKind.STAFF, HostEventData.StaffMember.class),
    STAFF_UPDATED("staff.updated", EntityKind.STAFF, HostEventData.StaffMember.class),
    STAFF_REMOVED("staff.removed", EntityKind.STAFF, HostEventData.NoData.class),
    SERVICE_CREATED("service.created", EntityKind.SERVICE, HostEventData.Service.class),
    SERVICE_UPDATED("service.updated", EntityKind.SERVICE, HostEventData.Service.class),
    SERVICE_DELETED("service.deleted", EntityKind.SERVICE, HostEventData.NoData.class),
    SESSION_SCHEDULED("session.scheduled", EntityKind.SESSION, HostEventData.SessionScheduled.class),
    SESSION_RESCHEDULED("session.rescheduled", EntityKind.SESSION, HostEventData.SessionRescheduled.class),
    SESSION_CANCELLED("session.cancelled", EntityKind.SESSION, HostEventData.NoData.class),
    CUSTOMER_CREATED("customer.created", EntityKind.CUSTOMER, HostEventData.Customer.class),
    CUSTOMER_UPDATED("customer.updated", EntityKind.CUSTOMER, HostEventData.Customer.class),
    CUSTOMER_ERASURE_REQUESTED("customer.erasure_requested", EntityKind.CUSTOMER, HostEventData.NoData.class),
    BOOKING_CREATED("booking.created", EntityKind.BOOKING, HostEventData.BookingCreated.class),
    BOOKING_CANCELLED("booking.cancelled", EntityKind.BOOKING, HostEventData.NoData.class);

    private final String wireName;
    private final EntityKind kind;
    private final Class<?> dataType;

    HostEventType(String wireName, EntityKind kind, Class<?> dataType) {
        this.wireName = wireName;
        this.kind = kind;
        this.dataType = dataType;
    }

    String wireName() {
        return wireName;
    }

    EntityKind kind() {
        return kind;
    }

    Class<?> dataType() {
        return dataType;
    }

    /** Site events are about the site itself; the others name their entity with {@code entityId}. */
    boolean aboutSite() {
        return kind == EntityKind.SITE_INSTALLATION || kind == EntityKind.SITE_PLAN;
    }

    static Optional<HostEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(HostEventType::wireName).toList();
    }
}
