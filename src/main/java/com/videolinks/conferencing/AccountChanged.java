package com.videolinks.conferencing;

/**
 * Published inside the transaction that connected or disconnected an account: the sessions it serves (the whole
 * site for a default account, S2, S9; the staff member's sessions for their own, S10) may need other meetings.
 */
public record AccountChanged(long accountId, long siteId, Long staffId, boolean connected) {
}
