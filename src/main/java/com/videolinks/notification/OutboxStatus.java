package com.videolinks.notification;

/**
 * PENDING: waits to be sent (also while no SMTP server is configured). SENT: handed to the SMTP server.
 * PARKED: failed every attempt; an operator or the owner re-queues it. SKIPPED: nothing to say any more
 * (booking cancelled, session over, superseded by a newer change).
 */
public enum OutboxStatus { PENDING, SENT, PARKED, SKIPPED }
