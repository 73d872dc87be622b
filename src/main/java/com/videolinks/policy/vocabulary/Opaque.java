package com.videolinks.policy.vocabulary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name, not a value: an id or a link. A rule may bind it, compare it with {@code ==} or {@code !=} to another name
 * or to {@code null}, and hand it whole to a conclusion. Rules that do nothing else with names answer two questions
 * that differ only in their names alike, up to those names, so the policy may answer a question by the answer to one
 * of the same shape (docs/adr-017-decisions-by-shape.md). A rule that reads a name otherwise (against a literal, with
 * {@code <}, inside a link) is allowed; its version then decides every question in the engine.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Opaque {
}
