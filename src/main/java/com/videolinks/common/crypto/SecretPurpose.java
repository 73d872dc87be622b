package com.videolinks.common.crypto;

/** What a sealed value is, bound into its ciphertext. Constants, because rows sealed under one name must open under it forever. */
public final class SecretPurpose {

    /** Passwords of custom links: account, course and session links (S3). */
    public static final String LINK_PASSWORD = "link-password";
    /** Passcodes of Zoom meetings. */
    public static final String MEETING_PASSWORD = "zoom-meeting-password";
    public static final String ZOOM_ACCESS_TOKEN = "zoom-access-token";
    public static final String ZOOM_REFRESH_TOKEN = "zoom-refresh-token";
    public static final String PKCE_VERIFIER = "zoom-pkce-verifier";

    private SecretPurpose() {
    }
}
