package com.videolinks.alert;

import java.util.List;
import java.util.Optional;

/** Alerts raised for businesses. */
public interface BusinessAlerts {

    /**
     * Raises an alert, or adds the sessions to the open alert with the same site, code and account: raising twice
     * (e.g. from a retried job) never doubles an alert.
     */
    BusinessAlert raise(long siteId, String code, String message, Long accountId, List<Long> sessionIds);

    List<BusinessAlert> ofSite(long siteId);

    Optional<BusinessAlert> find(long id);

    void acknowledge(long id);
}
