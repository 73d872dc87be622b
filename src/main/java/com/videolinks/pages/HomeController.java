package com.videolinks.pages;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.videolinks.security.AppUser;
import com.videolinks.security.HomePages;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /} sends each signed-in user to their own page (customers to My Bookings, owners to their sites, staff to
 * their video conferencing, operators to the rules console); the sign-in page names the business when the link
 * that led there names its site ({@code /login?site=1}, as the pages' sign-out does).
 */
@Controller
class HomeController {

    private final Sites sites;

    HomeController(Sites sites) {
        this.sites = sites;
    }

    @GetMapping("/")
    String home() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof AppUser user)) {
            return "redirect:/login";
        }
        return "redirect:" + HomePages.of(user.role());
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "site", required = false) String site, Model model, HttpServletRequest request) {
        PageLocale.useBrowsers(request);
        model.addAttribute("siteName", business(site).map(Site::name).orElse(null));
        model.addAttribute("siteId", business(site).map(Site::id).orElse(null));
        return "pages/login";
    }

    private Optional<Site> business(String site) {
        return site != null && site.matches("[0-9]{1,18}") ? sites.find(Long.parseLong(site)) : Optional.empty();
    }
}
