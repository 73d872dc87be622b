package com.videolinks.workflow;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;

/** The owner's view of the latest account re-link of their site (#13 item 5): progress and expected finish. */
@RestController
class AccountRelinkController {

    private final AccountRelinkProgress progress;
    private final Access access;

    AccountRelinkController(AccountRelinkProgress progress, Access access) {
        this.progress = progress;
        this.access = access;
    }

    @GetMapping("/api/sites/{siteId}/account-relink")
    AccountRelinkProgress.Progress latest(@PathVariable long siteId) {
        access.requireSiteManager(siteId);
        return progress.latest(siteId).orElseThrow(() -> new NotFoundException("account re-link of site", siteId));
    }
}
