package org.orgledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.orgledger.ledger.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with the stable {@code code} every failure carries. Shared by the
 * MVC exception handler and the servlet filters that answer before MVC (security, size limit).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<InvalidInput.FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", detail);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    /** The code of a failure that has no more specific one: the status's name. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "INVALID_INPUT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "HTTP_" + status.value() : known.name();
            }
        };
    }

    /** Adds the status's default code unless the problem already carries one. */
    public static ProblemDetail withCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(HttpStatusCode.valueOf(problem.getStatus())));
        }
        return problem;
    }

    /** For filters that answer before Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), withCode(problem));
    }
}
