package com.videolinks.dashboard;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.videolinks.common.Languages;

/** The dashboard user's language (Korean or English), kept with their user; the pages use the browser's until then. */
@Controller
class LanguageController {

    private final DashboardPages pages;

    LanguageController(DashboardPages pages) {
        this.pages = pages;
    }

    @PostMapping("/dashboard/language")
    String change(@RequestParam String language, @RequestParam(defaultValue = "/") String back) {
        Locale chosen = Languages.forCustomer(Locale.forLanguageTag(language));
        pages.users().changeLocale(pages.access().current().username(), chosen);
        // only a page of this service: never an open redirect
        return "redirect:" + (back.matches("/(dashboard|my-bookings|member)[A-Za-z0-9/_-]*") ? back : "/");
    }
}
