package com.videolinks.policy.vocabulary;

/** Why a session has no link at all. */
public enum WithholdReason {
    PLAN_NOT_PREMIUM, NO_DEFAULT_ACCOUNT, DEFAULT_ACCOUNT_DISCONNECTED, SESSION_OFFLINE, REMOVED_FROM_SESSION,
    /** A Zoom meeting was asked for on the session, but neither its staff member nor the site has Zoom connected. */
    NO_ZOOM_ACCOUNT
}
