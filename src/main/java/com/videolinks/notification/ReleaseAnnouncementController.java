package com.videolinks.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.NotFoundException;

/** Operators (every {@code /api/rules/**} path is theirs): how far a rule release's customers were told. */
@RestController
class ReleaseAnnouncementController {

    private final ReleaseAnnouncements announcements;

    ReleaseAnnouncementController(ReleaseAnnouncements announcements) {
        this.announcements = announcements;
    }

    @GetMapping("/api/rules/versions/{id}/announcement")
    ReleaseAnnouncement of(@PathVariable long id) {
        return announcements.of(id).orElseThrow(() -> new NotFoundException("announcement of rule version", id));
    }
}
