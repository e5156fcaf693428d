package dev.dingus.rooms.core;

import jakarta.validation.ConstraintValidatorContext;

/** Turns a rule's "why not" into the violation message, so the client learns which rule it broke. */
final class TextConstraint {
    private TextConstraint() {}

    static boolean report(String problem, ConstraintValidatorContext context) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
