package org.orgledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.orgledger.ledger.ErrorCode;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.ledger.ProblemCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with the stable {@code code} every failure carries, always one of the
 * error catalogue's. Shared by the MVC advice, the error controller, the Tomcat valve and the
 * servlet filters that answer before MVC (security, size limit).
 */
public final class Problems {

    private Problems() {
    }

    /** A problem with the code's own status. */
    public static ProblemDetail problem(ErrorCode code, String detail) {
        return problem(HttpStatusCode.valueOf(code.httpStatus()), code, detail);
    }

    /** A problem with a status of the container's choosing, and the code that stands for it. */
    public static ProblemDetail problem(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (code instanceof ProblemCode catalogued && catalogued.title() != null) {
            problem.setTitle(catalogued.title());
        }
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<InvalidInput.FieldError> errors) {
        ProblemDetail problem = problem(ProblemCode.INVALID_INPUT, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The code of a failure that has no more specific one: the catalogue's code for the status,
     * else {@code INVALID_INPUT} for a request refused (4xx) and {@code INTERNAL_ERROR} for the rest.
     */
    public static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? ProblemCode.INVALID_INPUT : ProblemCode.INTERNAL_ERROR;
        };
    }

    /** Adds the status's code unless the problem already carries one. */
    public static ProblemDetail withCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(HttpStatusCode.valueOf(problem.getStatus())).name());
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
