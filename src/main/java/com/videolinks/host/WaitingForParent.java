package com.videolinks.host;

/** The event needs something that has not arrived yet (its site, service, session, customer...): it waits as PENDING. */
final class WaitingForParent extends RuntimeException {

    private final String parentKey;

    WaitingForParent(String parentKey, String reason) {
        super(reason, null, false, false);
        this.parentKey = parentKey;
    }

    String parentKey() {
        return parentKey;
    }
}
