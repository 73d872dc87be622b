package com.videolinks.host;

/**
 * APPLIED: the change is made. IGNORED: older than what is applied, or about something deleted or a removed plugin.
 * PENDING: waits for its parent (a booking for its session). FAILED: could not be applied in time or at all;
 * replayable by an operator.
 */
enum HostEventStatus { APPLIED, IGNORED, PENDING, FAILED }
