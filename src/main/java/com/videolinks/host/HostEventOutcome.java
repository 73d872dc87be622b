package com.videolinks.host;

/** What applying an event did: APPLIED or IGNORED, and why when ignored. */
record HostEventOutcome(HostEventStatus status, String reason) {

    static HostEventOutcome applied() {
        return new HostEventOutcome(HostEventStatus.APPLIED, null);
    }

    static HostEventOutcome applied(String note) {
        return new HostEventOutcome(HostEventStatus.APPLIED, note);
    }

    static HostEventOutcome ignored(String reason) {
        return new HostEventOutcome(HostEventStatus.IGNORED, reason);
    }
}
