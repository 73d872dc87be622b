package com.videolinks.dashboard;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.LinkInput;
import com.videolinks.links.LinkEditing;
import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUser;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.workflow.CourseLinkProgress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Services and sessions (S11, S17–S20): every upcoming session with the link the policy gives it, from where and
 * why; adding or removing a link on one session (the owner, or the session's own staff member, S13); a course's own
 * link, its edit and the notification progress of that edit with the failed recipients to re-queue (S19).
 */
@Controller
class SessionPagesController {

    private static final int PARKED_SHOWN = 200;

    private final DashboardPages pages;
    private final Sites sites;
    private final ServiceOfferings services;
    private final Sessions sessions;
    private final LinkEditing editing;
    private final SessionOverview overview;
    private final CourseLinkProgress progress;
    private final LinkChangeNotifications notifications;
    private final StaffPagesController staffPages;
    private final Clock clock;

    SessionPagesController(DashboardPages pages, Sites sites, ServiceOfferings services, Sessions sessions,
                           LinkEditing editing, SessionOverview overview, CourseLinkProgress progress,
                           LinkChangeNotifications notifications, StaffPagesController staffPages, Clock clock) {
        this.pages = pages;
        this.sites = sites;
        this.services = services;
        this.sessions = sessions;
        this.editing = editing;
        this.overview = overview;
        this.progress = progress;
        this.notifications = notifications;
        this.staffPages = staffPages;
        this.clock = clock;
    }

    @GetMapping("/dashboard/sites/{siteId}/sessions")
    String sessions(@PathVariable long siteId, Model model, HttpServletRequest request) {
        pages.access().requireSiteManager(siteId);
        Site site = sites.get(siteId);
        pages.open(request, model, site);
        model.addAttribute("services", services.ofSite(siteId));
        model.addAttribute("rows", overview.upcomingOfSite(site, clock.instant()));
        model.addAttribute("tab", "sessions");
        return "dashboard/sessions";
    }

    /** S11, S20: a link of its own for this session; the form carries the link version it was opened at. */
    @PostMapping("/dashboard/sessions/{sessionId}/link")
    String addLink(@PathVariable long sessionId, Model model, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Session session = requireSessionEditor(sessionId);
        FormState form = pages.submitted("session-" + sessionId, request, "url", "password", "description");
        pages.open(request, model, siteOf(session));
        LinkInput input = new LinkInput(form.value("url"), form.value("password"), form.value("description"));
        if (pages.firstSubmit(form, request) && upToDate(form, session, request) && pages.valid(form, input)) {
            try {
                editing.addSessionLink(sessionId, input.toLink());
                redirect.addFlashAttribute("notice", "notice.sessionLinkAdded");
                return back(request, session);
            } catch (InvalidInputException | ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(form, session, model, request, response);
    }

    /** S11: no link on this session until the removal is undone. */
    @PostMapping("/dashboard/sessions/{sessionId}/link/removal")
    String removeLink(@PathVariable long sessionId, Model model, HttpServletRequest request, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return changeLink(sessionId, () -> editing.removeSessionLink(sessionId), "notice.sessionLinkRemoved",
                model, request, response, redirect);
    }

    /** #13 item 4, S11: a Zoom meeting of its own for this session (409s shown on the form: no Zoom account, offline). */
    @PostMapping("/dashboard/sessions/{sessionId}/zoom-meeting")
    String addZoomMeeting(@PathVariable long sessionId, Model model, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        return changeLink(sessionId, () -> editing.addSessionZoomMeeting(sessionId), "notice.sessionZoomMeetingAdded",
                model, request, response, redirect);
    }

    /** Undoes an added or removed link: the session gets the link its accounts give it again. */
    @PostMapping("/dashboard/sessions/{sessionId}/link/restore")
    String restoreLink(@PathVariable long sessionId, Model model, HttpServletRequest request, HttpServletResponse response,
                       RedirectAttributes redirect) {
        return changeLink(sessionId, () -> editing.restoreSessionLink(sessionId), "notice.sessionLinkRestored",
                model, request, response, redirect);
    }

    /** A session link change without fields of its own: once per form, only on the link version it was opened at. */
    private String changeLink(long sessionId, Runnable change, String notice, Model model, HttpServletRequest request,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Session session = requireSessionEditor(sessionId);
        FormState form = pages.submitted("session-" + sessionId, request);
        pages.open(request, model, siteOf(session));
        if (pages.firstSubmit(form, request) && upToDate(form, session, request)) {
            try {
                change.run();
                redirect.addFlashAttribute("notice", notice);
                return back(request, session);
            } catch (ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(form, session, model, request, response);
    }

    @GetMapping("/dashboard/courses/{courseId}")
    String course(@PathVariable long courseId, Model model, HttpServletRequest request) {
        ServiceOffering course = services.get(courseId);
        pages.access().requireSiteManager(course.siteId(), "service", courseId);
        Site site = sites.get(course.siteId());
        pages.open(request, model, site);
        if (course.kind() != ServiceKind.COURSE) {
            throw new ConflictException("not-a-course", "Service " + courseId + " is a " + course.kind()
                    + "; only courses have a course link (S18)");
        }
        model.addAttribute("course", course);
        var latest = progress.latest(courseId).filter(p -> p.linkVersion() == course.courseLinkVersion());
        model.addAttribute("progress", latest.orElse(null));
        model.addAttribute("parked", course.courseLinkVersion() == 0 ? java.util.List.of()
                : notifications.parkedOfCourseChange(courseId, course.courseLinkVersion(), PARKED_SHOWN));
        model.addAttribute("rows", overview.upcomingOfSite(site, clock.instant()).stream()
                .filter(row -> row.service().id() == courseId).toList());
        model.addAttribute("tab", "sessions");
        return "dashboard/course";
    }

    /** S18, S19: the course's link changes for every past and future session; the course workflow tells customers. */
    @PostMapping("/dashboard/courses/{courseId}/link")
    String changeCourseLink(@PathVariable long courseId, Model model, HttpServletRequest request,
                            HttpServletResponse response, RedirectAttributes redirect) {
        ServiceOffering course = services.get(courseId);
        pages.access().requireSiteManager(course.siteId(), "service", courseId);
        pages.open(request, model, sites.get(course.siteId()));
        FormState form = pages.submitted("course-link", request, "url", "password", "description");
        LinkInput input = new LinkInput(form.value("url"), form.value("password"), form.value("description"));
        if (pages.firstSubmit(form, request) && courseUpToDate(form, course, request) && pages.valid(form, input)) {
            try {
                editing.changeCourseLink(courseId, input.toLink());
                redirect.addFlashAttribute("notice", "notice.courseLinkChanged");
                return "redirect:/dashboard/courses/" + courseId;
            } catch (InvalidInputException | ConflictException e) {
                pages.refused(form, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return course(courseId, model, request);
    }

    @PostMapping("/dashboard/courses/{courseId}/link/removal")
    String removeCourseLink(@PathVariable long courseId, Model model, HttpServletRequest request,
                            HttpServletResponse response, RedirectAttributes redirect) {
        ServiceOffering course = services.get(courseId);
        pages.access().requireSiteManager(course.siteId(), "service", courseId);
        pages.open(request, model, sites.get(course.siteId()));
        FormState form = pages.submitted("course-link", request);
        if (pages.firstSubmit(form, request) && courseUpToDate(form, course, request)) {
            try {
                editing.changeCourseLink(courseId, null);
                redirect.addFlashAttribute("notice", "notice.courseLinkRemoved");
                return "redirect:/dashboard/courses/" + courseId;
            } catch (ConflictException e) {
                pages.refused(form, e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return course(courseId, model, request);
    }

    /** S19: a parked link-changed email goes back to the outbox (as POST /api/notifications/{id}/requeue). */
    @PostMapping("/dashboard/courses/{courseId}/emails/{notificationId}/requeue")
    String requeue(@PathVariable long courseId, @PathVariable long notificationId, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        ServiceOffering course = services.get(courseId);
        pages.access().requireSiteManager(course.siteId(), "service", courseId);
        pages.open(request, model, sites.get(course.siteId()));
        FormState form = pages.submitted("requeue", request);
        if (pages.firstSubmit(form, request)) {
            if (notifications.requeueCourseEmail(courseId, notificationId)) {
                redirect.addFlashAttribute("notice", "notice.emailRequeued");
                return "redirect:/dashboard/courses/" + courseId;
            }
            pages.rejectForm(form, "form.notParked", "This email is not waiting to be re-queued any more.");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return course(courseId, model, request);
    }

    /** As the API: the session's own staff member (S13) or a manager of its site. */
    private Session requireSessionEditor(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session.staffId() != null && pages.access().isStaff(session.staffId())) {
            return session;
        }
        pages.access().requireSiteManager(services.get(session.serviceId()).siteId(), "session", sessionId);
        return session;
    }

    /** A stale form: the session's link changed (or it was cancelled) since the page was opened. */
    private boolean upToDate(FormState form, Session session, HttpServletRequest request) {
        if (session.cancelled()) {
            pages.rejectForm(form, "conflict.session-cancelled", "This session was cancelled in the meantime.");
            return false;
        }
        if (!String.valueOf(session.linkVersion()).equals(request.getParameter("linkVersion"))) {
            pages.rejectForm(form, "form.sessionChanged", "This session's link changed since the page was opened: check it and try again.");
            return false;
        }
        return true;
    }

    private boolean courseUpToDate(FormState form, ServiceOffering course, HttpServletRequest request) {
        if (!String.valueOf(course.courseLinkVersion()).equals(request.getParameter("linkVersion"))) {
            pages.rejectForm(form, "form.courseChanged", "The course link changed since the page was opened: check it and try again.");
            return false;
        }
        return true;
    }

    private Site siteOf(Session session) {
        return sites.get(services.get(session.serviceId()).siteId());
    }

    private String back(HttpServletRequest request, Session session) {
        AppUser user = pages.access().current();
        return user.staffId() != null && pages.access().isStaff(user.staffId())
                ? "redirect:/dashboard/staff/me" : "redirect:/dashboard/sites/" + siteOf(session).id() + "/sessions";
    }

    private String refused(FormState form, Session session, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        AppUser user = pages.access().current();
        if (user.staffId() != null && pages.access().isStaff(user.staffId())) {
            return staffPages.me(model, request);
        }
        return sessions(siteOf(session).id(), model, request);
    }
}
