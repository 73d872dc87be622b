package com.videolinks.staff;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.security.Access;

import jakarta.validation.Valid;

/** Staff members of a site (S12). */
@RestController
class StaffController {

    private final StaffMembers staff;
    private final Access access;

    StaffController(StaffMembers staff, Access access) {
        this.staff = staff;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Staff add(@PathVariable long siteId, @Valid @RequestBody NewStaff member) {
        access.requireSiteManager(siteId);
        return staff.create(siteId, member.name().strip(), member.email().strip());
    }

    @GetMapping("/api/sites/{siteId}/staff")
    List<Staff> ofSite(@PathVariable long siteId) {
        access.requireSiteMember(siteId);
        return staff.ofSite(siteId);
    }

    @GetMapping("/api/staff/{staffId}")
    Staff one(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return staff.get(staffId);
    }
}
