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
    /** Whether an SMTP server is configured; without one the run ends once every email waits in the outbox. */
    static final String EMAILS_CAN_BE_SENT = "emailsCanBeSent";
    /** Delivery checks so far (the wait before the next one doubles each time). */
    static final String DELIVERY_CHECKS = "deliveryChecks";
    /** True once {@code course-delivery-max-wait} has passed with emails still pending: the run stops following. */
    static final String DELIVERY_WAIT_OVER = "deliveryWaitOver";
    /** When the run started following delivery (ISO instant). */
    static final String FOLLOWING_SINCE = "followingDeliverySince";

    private CourseVariables() {
    }
}
