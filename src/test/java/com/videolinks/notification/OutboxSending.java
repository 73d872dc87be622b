package com.videolinks.notification;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: one round of the outbox dispatcher, as its scheduler would run it. */
public final class OutboxSending {

    private OutboxSending() {
    }

    /** Sends what is due; the number of rows it handled. */
    public static int dispatchDue(ApplicationContext context) {
        return context.getBean(MailDispatcher.class).dispatchDue();
    }
}
