package org.orgledger.platform.readmodel;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@code /actuator/rebuild} refused while another node holds the work: RFC 9457, 409, with a stable {@code code}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MaintenanceProblemHandler {

    @ExceptionHandler(MaintenanceRefused.class)
    ResponseEntity<ProblemDetail> refused(MaintenanceRefused refused) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        detail.setTitle("Read-model maintenance held by another node");
        detail.setProperty("code", refused.code().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }
}
