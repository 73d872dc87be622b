package com.videolinks.booking;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;
import com.videolinks.security.AppUser;
import com.videolinks.security.Role;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Customers, their bookings, and the My Bookings list a signed-in customer sees. */
@RestController
class BookingController {

    record NewCustomer(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
                       @Size(max = 10) String locale, @Size(max = 60) String timeZone) {
    }

    record NewBooking(@NotNull Long customerId) {
    }

    private final Customers customers;
    private final Bookings bookings;
    private final BookingDesk desk;
    private final CustomerDirectory directory;
    private final MyBookings myBookings;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Access access;

    BookingController(Customers customers, Bookings bookings, BookingDesk desk, CustomerDirectory directory,
                      MyBookings myBookings, Sessions sessions, ServiceOfferings services, Access access) {
        this.customers = customers;
        this.bookings = bookings;
        this.desk = desk;
        this.directory = directory;
        this.myBookings = myBookings;
        this.sessions = sessions;
        this.services = services;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/customers")
    @ResponseStatus(HttpStatus.CREATED)
    Customer addCustomer(@PathVariable long siteId, @Valid @RequestBody NewCustomer customer) {
        access.requireSiteManager(siteId);
        return directory.add(siteId, customer.name(), customer.email(), customer.locale(), customer.timeZone());
    }

    /** Name, email, language and time zone: the same change as the host's customer.updated. */
    @PutMapping("/api/customers/{customerId}")
    Customer updateCustomer(@PathVariable long customerId, @Valid @RequestBody NewCustomer customer) {
        access.requireSiteManager(customers.get(customerId).siteId(), "customer", customerId);
        return directory.update(customerId, customer.name(), customer.email(), customer.locale(), customer.timeZone());
    }

    @GetMapping("/api/customers/{customerId}")
    Customer customer(@PathVariable long customerId) {
        access.requireCustomerOrManager(customerId);
        return customers.get(customerId);
    }

    /**
     * A customer books for themselves, the site's owner for any of its customers. Another business's session answers
     * the 404 of an unknown one; a customer id the site does not have is a 400, whoever it belongs to (#11).
     */
    @PostMapping("/api/sessions/{sessionId}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    Booking book(@PathVariable long sessionId, @Valid @RequestBody NewBooking booking) {
        Session session = sessions.get(sessionId);
        long siteId = services.get(session.serviceId()).siteId();
        access.requireCustomerOfSite(siteId, "session", sessionId);
        AppUser user = access.current();
        if (user.role() == Role.CUSTOMER && !booking.customerId().equals(user.customerId())) {
            throw new AccessDeniedException("customers book for themselves only");
        }
        Customer customer = customers.find(booking.customerId()).filter(c -> c.siteId() == siteId)
                .orElseThrow(() -> new InvalidInputException("customerId",
                        "no customer " + booking.customerId() + " at this site"));
        return desk.book(sessionId, customer.id());
    }

    /** The customer gives up their place (the customer themselves or the site's owner). */
    @PostMapping("/api/bookings/{bookingId}/cancellation")
    Booking cancel(@PathVariable long bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        access.requireCustomerOrManager(booking.customerId(), "booking", bookingId);
        return desk.cancel(bookingId);
    }

    @GetMapping("/api/customers/{customerId}/bookings")
    List<BookingView> bookingsOf(@PathVariable long customerId) {
        access.requireCustomerOrManager(customerId);
        return myBookings.of(customerId);
    }

    @GetMapping("/api/me/bookings")
    List<BookingView> mine() {
        AppUser user = access.current();
        if (user.role() != Role.CUSTOMER || user.customerId() == null) {
            throw new AccessDeniedException("only customers have bookings");
        }
        return myBookings.of(user.customerId());
    }
}
