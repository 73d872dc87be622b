package com.videolinks.conferencing.zoom;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.security.Access;

/** Connecting Zoom: start (answers Zoom's authorize URL) and the OAuth callback Zoom redirects the browser to. */
@RestController
class ZoomConnectController {

    private final ZoomConnectFlow flow;
    private final Access access;

    ZoomConnectController(ZoomConnectFlow flow, Access access) {
        this.flow = flow;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/default-account/zoom-authorization")
    ZoomConnectFlow.Authorization startDefault(@PathVariable long siteId) {
        access.requireSiteManager(siteId);
        return flow.startDefault(siteId, access.current().username());
    }

    @PostMapping("/api/staff/{staffId}/account/zoom-authorization")
    ZoomConnectFlow.Authorization startStaff(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return flow.startStaff(staffId, access.current().username(), access.isStaff(staffId));
    }

    /** The redirect URI registered with Zoom. Signed in like every API call: the user must be the one who started. */
    @GetMapping("/api/zoom/oauth/callback")
    ConferencingAccount callback(@RequestParam(required = false) String code,
                                 @RequestParam(required = false) String state,
                                 @RequestParam(required = false) String error) {
        return flow.complete(code, state, error, access.current().username(), isStaffSelf());
    }

    private boolean isStaffSelf() {
        return access.current().staffId() != null && access.isStaff(access.current().staffId());
    }
}
