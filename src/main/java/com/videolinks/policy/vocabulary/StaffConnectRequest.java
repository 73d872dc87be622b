package com.videolinks.policy.vocabulary;

/** A request to connect a staff member's own account, by the staff member ({@code bySelf}) or the business. */
public record StaffConnectRequest(@Opaque long staffId, boolean bySelf) {
}
