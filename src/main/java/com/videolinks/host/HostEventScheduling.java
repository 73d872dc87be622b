package com.videolinks.host;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.CustomerDirectory;
import com.videolinks.booking.Customers;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * The periodic work of host events: pending events tried again (and FAILED when they waited too long), and the
 * personal data of sites whose plugin was removed erased once the grace period ({@code erase-after}) is over.
 */
@Component
@EnableConfigurationProperties(HostProperties.class)
class HostEventScheduling {

    private static final Logger log = LoggerFactory.getLogger(HostEventScheduling.class);

    private final HostEventProcessing processing;
    private final HostInstallations installations;
    private final Customers customers;
    private final CustomerDirectory customerDirectory;
    private final StaffMembers staff;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HostEventScheduling(HostEventProcessing processing, HostInstallations installations, Customers customers,
                        CustomerDirectory customerDirectory, StaffMembers staff, PlatformTransactionManager transactions,
                        Clock clock) {
        this.processing = processing;
        this.installations = installations;
        this.customers = customers;
        this.customerDirectory = customerDirectory;
        this.staff = staff;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${videolinks.host.retry-pending-every:30s}",
            initialDelayString = "${videolinks.host.retry-pending-every:30s}")
    void retryPending() {
        processing.retryPending();
    }

    @Scheduled(fixedDelayString = "${videolinks.host.retry-pending-every:30s}",
            initialDelayString = "${videolinks.host.retry-pending-every:30s}")
    void eraseRemovedSites() {
        eraseDue();
    }

    /** Erases the personal data of every removed site whose grace period is over; how many sites. */
    int eraseDue() {
        int erased = 0;
        for (long siteId : installations.dueForErasure(clock.instant())) {
            transaction.executeWithoutResult(status -> {
                // still removed? (installed again in the meantime: nothing to erase)
                if (installations.find(siteId).filter(HostInstallations.Installation::removed).isEmpty()) {
                    return;
                }
                customers.idsOfSite(siteId).forEach(customerDirectory::erase);
                for (Staff member : staff.everOfSite(siteId)) {
                    staff.erasePersonalData(member.id());
                }
                installations.erased(siteId, clock.instant());
            });
            log.info("Site {}: the plugin was removed and the grace period is over; customers' and staff members' "
                    + "personal data erased (bookings kept for the business's bookkeeping)", siteId);
            erased++;
        }
        return erased;
    }
}
