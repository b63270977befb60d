package org.orgledger.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.orgledger.importing.InvalidBulletinFile;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every failure as RFC 9457 problem details with a stable {@code code}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation violation) {
        return problem(HttpStatusCode.valueOf(violation.rule().httpStatus()), violation.rule().name(),
                violation.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException exception) {
        String id = String.valueOf(exception.getAggregateIdentifier());
        boolean unit = id.equals(id.toLowerCase());
        Rule rule = unit ? Rule.UNKNOWN_UNIT : Rule.UNKNOWN_INSTRUMENT;
        return problem(HttpStatus.NOT_FOUND, rule.name(), (unit ? "no unit " : "no instrument ") + id + " is recorded");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException exception) {
        return problem(HttpStatus.CONFLICT, Rule.CONCURRENT_CHANGE.name(),
                "another change to the same unit was recorded at the same time; read it and try again");
    }

    /** A refused bulletin file: every problem with its field, line and column. */
    @ExceptionHandler(InvalidBulletinFile.class)
    ProblemDetail refusedFile(InvalidBulletinFile refused) {
        ProblemDetail problem = problem(HttpStatusCode.valueOf(refused.httpStatus()), refused.code(),
                "the bulletin file was refused; nothing was recorded: " + refused.getMessage());
        problem.setProperty("errors", refused.problems());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidInput(IllegalArgumentException exception) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", exception.getMessage());
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
