package com.videolinks.policy.vocabulary;

/**
 * What staff did by hand on one session (S11, S20): nothing, added a link, removed it, or asked for a Zoom meeting
 * of its own (ZOOM_ADDED, #13 item 4: the rules pick the Zoom account that hosts it).
 */
public enum ManualLink { NONE, ADDED, REMOVED, ZOOM_ADDED }
