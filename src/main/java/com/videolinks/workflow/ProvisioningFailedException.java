package com.videolinks.workflow;

/**
 * A Zoom meeting job failed. The message becomes the job's exception and, once the retries are used up, the incident
 * text in Cockpit: it names the session and the host account, and never a token.
 */
class ProvisioningFailedException extends RuntimeException {

    ProvisioningFailedException(long sessionId, String host, String problem) {
        super("Zoom meeting of session " + sessionId + (host == null ? "" : " (host: " + host + ")") + ": " + problem);
    }
}
