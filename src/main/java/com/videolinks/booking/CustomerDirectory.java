package com.videolinks.booking;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.InvalidInputException;

/**
 * Adds, edits and erases a site's customers: the one write path of the REST API and the host's customer events.
 * Erasure replaces name and email and keeps the bookings (the business's bookkeeping), announced as
 * {@link CustomerErased} so emails not sent yet are dropped with it.
 */
@Service
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);
    private static final Locale DEFAULT_LOCALE = Locale.KOREAN;
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerDirectory(Customers customers, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** {@code locale} and {@code timeZone} may be null or blank: Korean, Asia/Seoul. */
    @Transactional
    public Customer add(long siteId, String name, String email, String locale, String timeZone) {
        return customers.create(siteId, name.strip(), email.strip(), locale(locale), zone(timeZone));
    }

    @Transactional
    public Customer update(long customerId, String name, String email, String locale, String timeZone) {
        customers.get(customerId);
        customers.update(customerId, name.strip(), email.strip(), locale(locale), zone(timeZone));
        return customers.get(customerId);
    }

    /** The customer's name and email are replaced; their bookings stay, as the business's bookkeeping needs. */
    @Transactional
    public void erase(long customerId) {
        Customer customer = customers.get(customerId);
        customers.erasePersonalData(customerId, clock.instant());
        log.info("Customer {} of site {}: personal data erased", customerId, customer.siteId());
        events.publishEvent(new CustomerErased(customerId, customer.siteId()));
    }

    static Locale locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT_LOCALE;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException("locale", "is not a language tag such as ko or en");
        }
    }

    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone such as Asia/Seoul");
        }
    }
}
