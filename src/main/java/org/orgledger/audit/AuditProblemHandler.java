package org.orgledger.audit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The audit and export endpoints' failures as RFC 9457 problem details with a stable {@code code}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblemHandler {

    @ExceptionHandler(AuditProblem.class)
    ProblemDetail auditProblem(AuditProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.code().status, problem.getMessage());
        detail.setTitle(problem.code().title);
        detail.setProperty("code", problem.code().name());
        return detail;
    }
}
