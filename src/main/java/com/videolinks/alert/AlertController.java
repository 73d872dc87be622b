package com.videolinks.alert;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;

/** A site's alerts for its owner (and operators): read them, acknowledge them. */
@RestController
class AlertController {

    private final BusinessAlerts alerts;
    private final Access access;

    AlertController(BusinessAlerts alerts, Access access) {
        this.alerts = alerts;
        this.access = access;
    }

    @GetMapping("/api/sites/{siteId}/alerts")
    List<BusinessAlert> ofSite(@PathVariable long siteId) {
        access.requireSiteManager(siteId);
        return alerts.ofSite(siteId);
    }

    @PostMapping("/api/alerts/{alertId}/acknowledgement")
    BusinessAlert acknowledge(@PathVariable long alertId) {
        BusinessAlert alert = alerts.find(alertId).orElseThrow(() -> new NotFoundException("alert", alertId));
        access.requireSiteManager(alert.siteId(), "alert", alertId);
        alerts.acknowledge(alertId);
        return alerts.find(alertId).orElseThrow();
    }
}
