package com.videolinks.dashboard;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.videolinks.alert.BusinessAlert;
import com.videolinks.alert.BusinessAlerts;
import com.videolinks.common.NotFoundException;
import com.videolinks.site.Sites;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A site's alerts with the action each needs (reconnect Zoom, a meeting deleted in Zoom, a staff member's Zoom
 * sign-in pending), open ones first; acknowledging one, as {@code POST /api/alerts/{id}/acknowledgement}.
 */
@Controller
class AlertPagesController {

    private final DashboardPages pages;
    private final Sites sites;
    private final BusinessAlerts alerts;

    AlertPagesController(DashboardPages pages, Sites sites, BusinessAlerts alerts) {
        this.pages = pages;
        this.sites = sites;
        this.alerts = alerts;
    }

    @GetMapping("/dashboard/sites/{siteId}/alerts")
    String ofSite(@PathVariable long siteId, Model model, HttpServletRequest request) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        List<BusinessAlert> all = alerts.ofSite(siteId);
        model.addAttribute("open", all.stream().filter(a -> a.acknowledgedAt() == null).toList());
        model.addAttribute("acknowledged", all.stream().filter(a -> a.acknowledgedAt() != null).limit(50).toList());
        model.addAttribute("tab", "alerts");
        return "dashboard/alerts";
    }

    @PostMapping("/dashboard/alerts/{alertId}/acknowledgement")
    String acknowledge(@PathVariable long alertId, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        BusinessAlert alert = alerts.find(alertId).orElseThrow(() -> new NotFoundException("alert", alertId));
        pages.access().requireSiteManager(alert.siteId(), "alert", alertId);
        pages.open(request, model, sites.get(alert.siteId()));
        FormState form = pages.submitted("alert-" + alertId, request);
        if (pages.firstSubmit(form, request)) {
            alerts.acknowledge(alertId);
            redirect.addFlashAttribute("notice", "notice.alertAcknowledged");
            return "redirect:/dashboard/sites/" + alert.siteId() + "/alerts";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return ofSite(alert.siteId(), model, request);
    }
}
