package com.videolinks.security;

/** Each role's own page, where sign-in and {@code /} send a user (#12). */
public final class HomePages {

    private HomePages() {
    }

    public static String of(Role role) {
        return switch (role) {
            case CUSTOMER -> "/my-bookings";
            case OWNER -> "/dashboard/sites";
            case STAFF -> "/dashboard/staff/me";
            case OPERATOR -> "/dashboard/rules";
        };
    }
}
