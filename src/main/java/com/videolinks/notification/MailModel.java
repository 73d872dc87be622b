package com.videolinks.notification;

import java.util.List;

/**
 * Everything an email template may print: already decided and formatted (times in the customer's time zone), so
 * templates hold no logic and a link the email channel does not show is never in the model at all (S21).
 * {@code commonLink} is set when every session shows the same thing; otherwise each line carries its own.
 */
record MailModel(String customerName, String siteName, String serviceName, boolean course, List<SessionLine> sessions,
                 LinkView commonLink, String oldUrl, String myBookingsUrl) {

    MailModel {
        sessions = List.copyOf(sessions);
    }

    MailModel(String customerName, String siteName, String serviceName, boolean course, List<SessionLine> sessions,
              LinkView commonLink, String oldUrl) {
        this(customerName, siteName, serviceName, course, sessions, commonLink, oldUrl, null);
    }

    /**
     * One booked session: when it takes place, unless the email shows one link for all its link, and its page in the
     * member area ({@code pageUrl}, #13: where the signed-in customer finds the session).
     */
    record SessionLine(String when, LinkView link, String pageUrl) {

        SessionLine(String when, LinkView link) {
            this(when, link, null);
        }
    }

    /**
     * What the email says about a link: SHOWN with url, password and description; HIDDEN with where the customer
     * finds it instead ({@code elsewhere}: MY_BOOKINGS or MEMBER_PAGES with a URL, or BUSINESS); PENDING (it will
     * follow); NONE — in person, removed by the business, or none at the moment.
     */
    record LinkView(String status, String url, String password, String description, String elsewhere,
                    String elsewhereUrl, String none) {

        static LinkView shown(String url, String password, String description) {
            return new LinkView("SHOWN", url, password, description, null, null, null);
        }

        static LinkView hidden(String elsewhere, String elsewhereUrl) {
            return new LinkView("HIDDEN", null, null, null, elsewhere, elsewhereUrl, null);
        }

        static LinkView pending() {
            return new LinkView("PENDING", null, null, null, null, null, null);
        }

        /** {@code why}: IN_PERSON, REMOVED or UNAVAILABLE. */
        static LinkView none(String why) {
            return new LinkView("NONE", null, null, null, null, null, why);
        }

        boolean shown() {
            return "SHOWN".equals(status);
        }

        @Override
        public String toString() {
            return "LinkView[" + status + ", url=" + url + ", password=" + (password == null ? "none" : "****") + "]";
        }
    }
}
