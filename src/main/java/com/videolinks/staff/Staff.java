package com.videolinks.staff;

import java.util.Locale;

import com.videolinks.common.Languages;

/**
 * A staff member of a site, with their own conferencing account if they connected one (S10, S12), and the language
 * of their emails (#13; Korean unless they chose another).
 */
public record Staff(long id, long siteId, String name, String email, Long accountId, Locale locale) {

    public Staff {
        locale = locale == null ? Languages.KOREAN : locale;
    }
}
