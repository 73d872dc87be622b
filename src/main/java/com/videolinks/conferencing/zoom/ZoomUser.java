package com.videolinks.conferencing.zoom;

/** The Zoom user a token belongs to ({@code GET /users/me}). */
public record ZoomUser(String id, String email) {
}
