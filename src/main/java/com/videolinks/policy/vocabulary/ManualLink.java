package com.videolinks.policy.vocabulary;

/** What staff did by hand on one session (S11, S20): nothing, added a link, or removed it. */
public enum ManualLink { NONE, ADDED, REMOVED }
