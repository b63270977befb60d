package org.orgledger.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orgledger.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The exports' refused parameters as problem details, shaped like every other read's. */
@RestControllerAdvice(basePackageClasses = ExportProblemHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the catch-all handler, which would answer 500
class ExportProblemHandler {

    @ExceptionHandler(InvalidExportParameter.class)
    ProblemDetail invalid(InvalidExportParameter invalid) {
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
}
