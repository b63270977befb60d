package org.orgledger.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read endpoints' failures as problem details (see {@link ProblemHandler} for the rest). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before ProblemHandler, whose catch-all would answer 500
class ReadProblemHandler {

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalidQuery(InvalidQuery invalid) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage());
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("field", invalid.field());
        if (invalid.value() != null) {
            field.put("rejectedValue", invalid.value());
        }
        field.put("message", invalid.getMessage());
        problem.setProperty("errors", List.of(field));
        return problem;
    }

    @ExceptionHandler(UnknownSubject.class)
    ProblemDetail unknown(UnknownSubject unknown) {
        return Problems.problem(HttpStatus.NOT_FOUND, unknown.rule().name(), unknown.getMessage());
    }
}
