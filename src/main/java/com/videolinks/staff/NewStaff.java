package com.videolinks.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A staff member to add to a site (S12): the API's request body and the dashboard's form, validated alike. */
public record NewStaff(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email) {
}
