package com.videolinks.conferencing;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;

import jakarta.validation.Valid;

/** The site's default account and staff members' own accounts. */
@RestController
class AccountController {

    private final AccountConnections connections;
    private final Access access;

    AccountController(AccountConnections connections, Access access) {
        this.connections = connections;
        this.access = access;
    }

    @GetMapping("/api/sites/{siteId}/default-account")
    ConferencingAccount defaultAccount(@PathVariable long siteId) {
        access.requireSiteManager(siteId);
        return connections.defaultAccount(siteId).orElseThrow(() -> new NotFoundException("default account of site", siteId));
    }

    @PutMapping("/api/sites/{siteId}/default-account")
    ConferencingAccount connectDefault(@PathVariable long siteId, @Valid @RequestBody AccountRequest request) {
        access.requireSiteManager(siteId);
        return connections.connectDefault(siteId, request);
    }

    @DeleteMapping("/api/sites/{siteId}/default-account")
    ConferencingAccount disconnectDefault(@PathVariable long siteId) {
        access.requireSiteManager(siteId);
        return connections.disconnectDefault(siteId);
    }

    @GetMapping("/api/staff/{staffId}/account")
    ConferencingAccount staffAccount(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return connections.staffAccount(staffId).orElseThrow(() -> new NotFoundException("account of staff member", staffId));
    }

    @PutMapping("/api/staff/{staffId}/account")
    ConferencingAccount connectStaff(@PathVariable long staffId, @Valid @RequestBody AccountRequest request) {
        access.requireStaffOrManager(staffId);
        return connections.connectStaff(staffId, request, access.isStaff(staffId));
    }

    @DeleteMapping("/api/staff/{staffId}/account")
    ConferencingAccount disconnectStaff(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return connections.disconnectStaff(staffId);
    }
}
