package com.videolinks.policy.vocabulary;

/** Whose conferencing account this is: the site's default (S2) or a staff member's own (S10). */
public enum AccountRole { SITE_DEFAULT, STAFF }
