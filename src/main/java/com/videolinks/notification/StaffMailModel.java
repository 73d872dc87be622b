package com.videolinks.notification;

/**
 * Everything a staff member's email (#6) may print. {@code provider} is ZOOM or CUSTOM_LINK; {@code zoomUser} and
 * {@code linkUrl} name the connected account (the URL of a staff member's own custom link is shown to its owner);
 * the link's password and description are never part of it. {@code signInPath} is where a staff member who has not
 * finished signing in to Zoom starts again.
 */
record StaffMailModel(String staffName, String siteName, String provider, String zoomUser, String linkUrl,
                      String signInPath) {
}
