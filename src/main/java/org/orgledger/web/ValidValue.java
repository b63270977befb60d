package org.orgledger.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.UnitId;

/**
 * The request field must be a valid value of the ledger's value record, checked by the record
 * itself, so that the API names the offending field instead of failing later in the controller.
 * Null passes (combine with {@code @NotNull}). The messages are fixed texts: a client's input
 * never reaches the message interpolator.
 */
@Documented
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = {ValidValue.TextValidator.class, ValidValue.LocalizedTextValidator.class,
        ValidValue.DateValidator.class})
public @interface ValidValue {

    Kind value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        UNIT_ID("must be a unit id: a lowercase slug path such as un-habitat/research-division, at most "
                + UnitId.MAX_LENGTH + " characters", UnitId::of),
        FUNCTION_ID("must be a function id: a lowercase slug such as sgb-2002-14-7-2-b, at most "
                + FunctionId.MAX_LENGTH + " characters", FunctionId::of),
        INSTRUMENT_SYMBOL("must be an instrument symbol as printed, such as ST/SGB/2002/14, at most "
                + InstrumentSymbol.MAX_LENGTH + " characters", InstrumentSymbol::of),
        HEAD_LEVEL("must be a level such as ASG, USG or D-2", HeadLevel::of),
        PROVISION("must be a provision such as 7.2(b): letters, digits, '.', '(', ')', '-' and spaces, at most 40",
                provision -> Authority.of("A", provision)),
        LOCALIZED_TEXT("must map at least one language tag (en, zh, ...) to a text of at most "
                + LocalizedText.MAX_TEXT_LENGTH + " characters; each text " + LedgerText.RULE, null),
        TEXT(LedgerText.RULE, LedgerText::acceptableOrThrow),
        DATE(LedgerDates.DATE_RULE, null);

        private final String message;
        private final Consumer<String> parse;

        Kind(String message, Consumer<String> parse) {
            this.message = message;
            this.parse = parse;
        }

        boolean refuse(ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }

    final class TextValidator implements ConstraintValidator<ValidValue, String> {

        private Kind kind;

        @Override
        public void initialize(ValidValue annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                kind.parse.accept(value);
                return true;
            } catch (IllegalArgumentException | NullPointerException e) {
                return kind.refuse(context);
            }
        }
    }

    final class LocalizedTextValidator implements ConstraintValidator<ValidValue, Map<String, String>> {

        @Override
        public boolean isValid(Map<String, String> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                LocalizedText text = LocalizedText.of(value);
                return text.values().values().stream().allMatch(LedgerText::acceptable)
                        || Kind.LOCALIZED_TEXT.refuse(context);
            } catch (IllegalArgumentException | NullPointerException e) {
                return Kind.LOCALIZED_TEXT.refuse(context);
            }
        }
    }

    /** Within the ledger's date range (years 1000 to 9999). */
    final class DateValidator implements ConstraintValidator<ValidValue, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || LedgerDates.holds(value) || Kind.DATE.refuse(context);
        }
    }
}
