package com.videolinks.workflow;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.WebLinkValidator;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.security.Access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Staff onboarding over HTTP (S12, S13, S16): the owner (or an operator) invites a staff member, or the staff member
 * starts it; the staff member answers the custom-link task. The process decides the rest.
 */
@RestController
class StaffOnboardingController {

    record StartRequest(@NotNull Provider provider) {
    }

    /**
     * The custom-link task's form: URL required, password and description optional (S16). What makes a link unsafe is
     * the process's to say (it asks again); lengths are checked here, with the same limits as every other link
     * input, so an oversized answer is a 400 naming the field, not a process variable the database refuses (#11).
     */
    record CustomLinkAnswer(@Size(max = WebLinkValidator.MAX_LENGTH) String url, @Size(max = 100) String password,
                            @Size(max = 500) String description) {
    }

    private final StaffOnboarding onboarding;
    private final Access access;

    StaffOnboardingController(StaffOnboarding onboarding, Access access) {
        this.onboarding = onboarding;
        this.access = access;
    }

    @PostMapping("/api/staff/{staffId}/onboarding")
    @ResponseStatus(HttpStatus.CREATED)
    StaffOnboarding.Status start(@PathVariable long staffId, @Valid @RequestBody StartRequest request) {
        access.requireStaffOrManager(staffId);
        return onboarding.start(staffId, request.provider(), access.isStaff(staffId), access.current().username());
    }

    @GetMapping("/api/staff/{staffId}/onboarding")
    StaffOnboarding.Status status(@PathVariable long staffId) {
        access.requireStaffOrManager(staffId);
        return onboarding.status(staffId);
    }

    @PostMapping("/api/staff/{staffId}/onboarding/custom-link")
    StaffOnboarding.Status customLink(@PathVariable long staffId, @Valid @RequestBody CustomLinkAnswer answer) {
        access.requireStaffOrManager(staffId);
        return onboarding.submitCustomLink(staffId, answer.url(), answer.password(), answer.description());
    }
}
