package com.videolinks.notification;

/**
 * The SEQUENCE of each customer's calendar entry of a session (#13): every email carrying the entry takes the next
 * number, so the latest email — rendered when sent, so the most current — always updates the entry.
 */
interface CalendarSequences {

    /** The next SEQUENCE of the entry: 0 for its first email, one more than the last for every later one. */
    int next(long customerId, long sessionId);
}
