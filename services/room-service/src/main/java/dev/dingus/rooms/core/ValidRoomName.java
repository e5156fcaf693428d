package dev.dingus.rooms.core;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A room name by {@link RoomTexts#nameProblem}; null passes (pair with {@code @NotNull} where required). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRoomName.Validator.class)
public @interface ValidRoomName {
    String message() default "is not a valid room name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidRoomName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TextConstraint.report(RoomTexts.nameProblem(value), context);
        }
    }
}
