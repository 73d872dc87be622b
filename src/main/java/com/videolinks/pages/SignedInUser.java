package com.videolinks.pages;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.videolinks.security.AppUser;

/** For templates that no controller feeds (the error page): whether someone is signed in, to offer sign-out. */
@Component("signedInUser")
public class SignedInUser {

    public boolean present() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AppUser;
    }
}
