package com.videolinks.mybookings;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.common.NotFoundException;
import com.videolinks.pages.PageLocale;
import com.videolinks.security.Access;
import com.videolinks.security.AppUser;
import com.videolinks.security.Role;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in customer's pages (form login): My Bookings (S21) and a booked session's page in the member area
 * (S22). A customer only ever sees their own bookings: no page takes a customer id.
 */
@Controller
class CustomerPageController {

    private final CustomerPages pages;
    private final Customers customers;
    private final Access access;

    CustomerPageController(CustomerPages pages, Customers customers, Access access) {
        this.pages = pages;
        this.customers = customers;
        this.access = access;
    }

    @GetMapping("/my-bookings")
    String myBookings(Model model, HttpServletRequest request) {
        Customer customer = signedInCustomer(request);
        model.addAttribute("page", pages.myBookings(customer));
        return "mybookings/my-bookings";
    }

    @GetMapping("/member/sessions/{sessionId}")
    String session(@PathVariable long sessionId, Model model, HttpServletRequest request) {
        Customer customer = signedInCustomer(request);
        model.addAttribute("page", pages.session(customer, sessionId)
                .orElseThrow(() -> new NotFoundException("booked session", sessionId)));
        return "mybookings/session";
    }

    private Customer signedInCustomer(HttpServletRequest request) {
        AppUser user = access.current();
        if (user.role() != Role.CUSTOMER || user.customerId() == null) {
            throw new AccessDeniedException("only customers have bookings");
        }
        Customer customer = customers.get(user.customerId());
        PageLocale.use(request, customer.locale());
        return customer;
    }
}
