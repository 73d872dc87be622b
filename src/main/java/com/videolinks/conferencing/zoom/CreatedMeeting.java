package com.videolinks.conferencing.zoom;

import org.springframework.modulith.NamedInterface;

/** A meeting as Zoom reports it: id, the join URL customers get and its passcode. The host's start URL is never kept. */
@NamedInterface("zoom")
public record CreatedMeeting(String meetingId, String joinUrl, String password) {

    @Override
    public String toString() {
        return "CreatedMeeting[" + meetingId + ", " + joinUrl + "]";
    }
}
