package com.videolinks.conferencing.zoom;

import org.springframework.modulith.NamedInterface;

/**
 * A meeting we own was deleted or changed in Zoom (webhook): its link is no longer shown and the session needs
 * provisioning again. Published inside the transaction that recorded it.
 */
@NamedInterface("zoom")
public record ZoomMeetingBroken(long sessionId, long accountId, String meetingId, String what) {
}
