package com.videolinks.staff;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.security.Access;

import jakarta.validation.Valid;

/** Staff members of a site (S12). */
@RestController
class StaffController {

    private final StaffMembers staff;
    private final StaffDirectory directory;
    private final Access access;

    StaffController(StaffMembers staff, StaffDirectory directory, Access access) {
        this.staff = staff;
        this.directory = directory;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Staff add(@PathVariable long siteId, @Valid @RequestBody NewStaff member) {
        access.requireSiteManager(siteId);
        return directory.add(siteId, member.name(), member.email(), member.locale());
    }

    @GetMapping("/api/sites/{siteId}/staff")
    List<Staff> ofSite(@PathVariable long siteId) {
        access.requireSiteMember(siteId);
        return staff.ofSite(siteId);
    }

    /** Name and email: the same change as the host's staff.updated. */
    @PutMapping("/api/staff/{staffId}")
    Staff update(@PathVariable long staffId, @Valid @RequestBody NewStaff member) {
        access.requireSiteManager(staff.get(staffId).siteId(), "staff member", staffId);
        return directory.update(staffId, member.name(), member.email(), member.locale());
    }

    /** The staff member leaves the site (unassigned, own account disconnected): the host's staff.removed. */
    @DeleteMapping("/api/staff/{staffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long staffId) {
        access.requireSiteManager(staff.get(staffId).siteId(), "staff member", staffId);
        directory.remove(staffId);
    }

    @GetMapping("/api/staff/{staffId}")
    Staff one(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return staff.get(staffId);
    }
}
