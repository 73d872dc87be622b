package com.videolinks.policy.vocabulary;

/** What a channel shows for a session: the link, nothing because it is hidden, a "coming soon", or no link at all. */
public enum LinkStatus { SHOWN, HIDDEN, PENDING, NONE }
