package com.videolinks.conferencing.zoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * How every Zoom call copes with failure: 5xx, timeouts and short 429s are retried a bounded number of times with
 * exponential backoff and jitter (a 429's Retry-After is honoured as the wait); what is left is translated into
 * {@link ZoomUnavailableException}, {@link ZoomRateLimitedException} or {@link ZoomRejectedException}.
 * A 401 is passed on as {@link ZoomUnauthorizedException} for the token holder to refresh once.
 */
final class ZoomResilience {

    private final ZoomProperties.Retry settings;
    private final Clock clock;
    private final Retry retry;

    ZoomResilience(ZoomProperties.Retry settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.retry = Retry.of("zoom", RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .retryOnException(this::isTransient)
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> waitBefore(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null))
                .build());
    }

    /** Runs {@code call}, retrying transient failures; {@code operation} names it in messages ("create meeting"). */
    <T> T call(String operation, Supplier<T> call) {
        try {
            return retry.executeSupplier(call);
        } catch (RestClientResponseException e) {
            throw translate(operation, e);
        } catch (ResourceAccessException e) {
            throw new ZoomUnavailableException("Zoom did not answer " + operation + " in time (" + settings.maxAttempts()
                    + " attempts): " + rootMessage(e));
        }
    }

    /**
     * As {@link #call} for a creation, which is not idempotent: once an attempt failed in a way Zoom may still have
     * carried out (no answer, a 5xx) — or from the start when {@code inDoubt} — every further attempt first asks
     * {@code lookUp} for what that attempt may have made, and only creates when it finds nothing.
     */
    <T> T callCreating(String operation, Supplier<T> create, Supplier<java.util.Optional<T>> lookUp, boolean inDoubt) {
        java.util.concurrent.atomic.AtomicBoolean doubt = new java.util.concurrent.atomic.AtomicBoolean(inDoubt);
        return call(operation, () -> {
            if (doubt.get()) {
                java.util.Optional<T> found = lookUp.get();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            try {
                return create.get();
            } catch (RuntimeException failure) {
                if (mayHaveBeenCarriedOut(failure)) {
                    doubt.set(true);
                }
                throw failure;
            }
        });
    }

    /** No answer (except a refused connection: nothing was sent) or a 5xx: Zoom may have done it. */
    static boolean mayHaveBeenCarriedOut(Throwable failure) {
        if (failure instanceof ResourceAccessException) {
            return !(rootCause(failure) instanceof java.net.ConnectException);
        }
        return failure instanceof RestClientResponseException response && response.getStatusCode().value() >= 500;
    }

    boolean isTransient(Throwable failure) {
        if (failure instanceof ResourceAccessException) {
            return true;
        }
        if (failure instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            if (status >= 500) {
                return true;
            }
            if (status == 429 && !isDaily(response)) {
                Duration retryAfter = retryAfter(response);
                return retryAfter == null || retryAfter.compareTo(settings.maxInlineRetryAfter()) <= 0;
            }
        }
        return false;
    }

    private long waitBefore(int attempt, Throwable failure) {
        if (failure instanceof RestClientResponseException response && response.getStatusCode().value() == 429) {
            Duration retryAfter = retryAfter(response);
            if (retryAfter != null) {
                return Math.max(0, retryAfter.toMillis());
            }
        }
        long initial = settings.initialBackoff().toMillis();
        long backoff = Math.min(settings.maxBackoff().toMillis(), initial * (1L << Math.min(20, attempt - 1)));
        // full jitter on the upper half: nodes that failed together do not retry together
        return backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    }

    private ZoomException translate(String operation, RestClientResponseException e) {
        int status = e.getStatusCode().value();
        String zoomSays = zoomMessage(e);
        if (status == 401) {
            return new ZoomUnauthorizedException("Zoom answered 401 to " + operation + " (access token refused): " + zoomSays);
        }
        if (status == 429) {
            boolean daily = isDaily(e);
            Duration retryAfter = retryAfter(e);
            Instant now = clock.instant();
            Instant retryAt = retryAfter != null ? now.plus(retryAfter)
                    : daily ? nextUtcDay(now) : now.plus(settings.rateLimitPause());
            return new ZoomRateLimitedException("Zoom rate-limited " + operation + (daily ? " (daily limit)" : "")
                    + "; retry at " + retryAt + ": " + zoomSays, retryAt, daily);
        }
        if (status >= 500) {
            return new ZoomUnavailableException("Zoom answered " + status + " to " + operation + " ("
                    + settings.maxAttempts() + " attempts): " + zoomSays);
        }
        if (status == 404) {
            return new ZoomNotFoundException("Zoom answered 404 to " + operation + ": " + zoomSays);
        }
        return new ZoomRejectedException(status, "Zoom refused " + operation + " with " + status + ": " + zoomSays);
    }

    static Instant nextUtcDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(RestClientResponseException e) {
        String value = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** Zoom says "daily" in the message of the per-user daily limit (e.g. 100 meeting creations a day). */
    private static boolean isDaily(RestClientResponseException e) {
        return e.getResponseBodyAsString().toLowerCase(Locale.ROOT).contains("daily");
    }

    /** Zoom's own code and message, short; Zoom error bodies carry no credentials. */
    private static String zoomMessage(RestClientResponseException e) {
        String body = e.getResponseBodyAsString().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return e.getStatusText();
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
