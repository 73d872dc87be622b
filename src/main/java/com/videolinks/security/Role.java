package com.videolinks.security;

/**
 * Who is asking. OPERATOR: platform operations (rules, processes, every site). OWNER: a business managing its
 * own sites. STAFF: a staff member managing their own account and sessions (S13). CUSTOMER: their own bookings.
 */
public enum Role { OPERATOR, OWNER, STAFF, CUSTOMER }
