package com.videolinks.policy.vocabulary;

/** Who hosts the call: Zoom creates one meeting per session, a custom link is one URL for all (S5). */
public enum Provider {
    ZOOM, CUSTOM_LINK;

    /** S5: Zoom gives each session its own meeting; any other provider shares one link. */
    public LinkMode mode() {
        return this == ZOOM ? LinkMode.PER_SESSION : LinkMode.SHARED;
    }
}
