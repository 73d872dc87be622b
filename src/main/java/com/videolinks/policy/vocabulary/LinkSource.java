package com.videolinks.policy.vocabulary;

/** Where a session's link comes from. */
public enum LinkSource { SESSION_LINK, COURSE_LINK, STAFF_ACCOUNT, SITE_DEFAULT }
