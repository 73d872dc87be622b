package com.videolinks.workflow;

/** Names of the {@code course-link-update} process variables; the progress ones are what Cockpit shows. */
final class CourseVariables {

    static final String COURSE_ID = "courseId";
    static final String LINK_VERSION = "linkVersion";
    static final String OLD_LINK_URL = "oldLinkUrl";
    /** Customers holding a booking of the course when the run started. */
    static final String TOTAL = "recipientsTotal";
    /** Emails written to the outbox by this run (a chunk run twice writes nothing twice). */
    static final String QUEUED = "recipientsQueued";
    /** Emails of this link version accepted by the SMTP server. */
    static final String SENT = "recipientsSent";
    /** Emails parked after their last attempt: an operator or the owner re-queues them. */
    static final String FAILED = "recipientsFailed";
    /** Emails skipped at send time (booking cancelled, a newer change says what is current). */
    static final String SKIPPED = "recipientsSkipped";
    static final String PENDING = "recipientsPending";
    static final String AFTER_CUSTOMER_ID = "afterCustomerId";
    static final String ALL_QUEUED = "allQueued";
    static final String SUPERSEDED = "superseded";
    static final String END_REASON = "endReason";

    private CourseVariables() {
    }
}
