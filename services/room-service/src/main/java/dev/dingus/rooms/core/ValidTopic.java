package dev.dingus.rooms.core;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A room topic by {@link RoomTexts#topicProblem}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTopic.Validator.class)
public @interface ValidTopic {
    String message() default "is not a valid topic";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidTopic, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TextConstraint.report(RoomTexts.topicProblem(value), context);
        }
    }
}
