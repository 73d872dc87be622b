package com.videolinks.policy.vocabulary;

/** A custom link the business added to a course in the calendar (S18); it serves every session of the course. */
public record CourseLinkFact(@Opaque long serviceId, @Opaque Link link) {
}
