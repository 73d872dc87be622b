package com.videolinks.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A language someone chose (#13): null, blank, or a well-formed language tag of an ISO 639 language, as
 * {@link Languages#chosen} accepts — so a request or host event naming another is refused before anything changes.
 */
@Documented
@Constraint(validatedBy = KnownLanguage.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownLanguage {

    String message() default "names no known language; use a language tag such as ko or en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to {@link Languages#chosen}, the one definition of a known language. */
    class Check implements ConstraintValidator<KnownLanguage, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                Languages.chosen(value, "locale");
                return true;
            } catch (InvalidInputException e) {
                return false;
            }
        }
    }
}
