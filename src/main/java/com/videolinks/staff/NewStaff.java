package com.videolinks.staff;

import com.videolinks.common.KnownLanguage;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A staff member to add to a site (S12): the API's request body and the dashboard's form, validated alike;
 * {@code locale} is the language of their emails (#13: a tag such as ko or en; absent: Korean).
 */
public record NewStaff(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
                       @Size(max = 35) @KnownLanguage String locale) {

    public NewStaff(String name, String email) {
        this(name, email, null);
    }
}
