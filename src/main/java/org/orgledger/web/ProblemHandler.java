package org.orgledger.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.orgledger.importing.InvalidBulletinFile;
import org.orgledger.ledger.ErrorCode;
import org.orgledger.ledger.InvalidInput.FieldError;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.platform.eventstore.IdempotencyKeyReused;
import org.orgledger.platform.readmodel.MaintenanceRefused;
import org.orgledger.ledger.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one advice: every failure of a controller as RFC 9457 problem details
 * ({@code application/problem+json}) with a code of the error catalogue (ledger/ErrorCatalogue).
 * A {@link Refusal} carries its code (rules of the ledger, invalid input and queries, refused
 * bulletin files, audit requests) and, where it has them, the offending fields under
 * {@code errors}. Spring's own exceptions (404, 405, 415, ...) pass through
 * {@link #createResponseEntity}, which adds the code and the media type.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A refusal with its catalogue code, and its offending fields or lines under {@code errors}. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal refusal) {
        String detail = refusal instanceof InvalidBulletinFile
                ? "the bulletin file was refused; nothing was recorded: " + refusal.getMessage() : refusal.getMessage();
        ProblemDetail problem = problem(refusal.code(), detail);
        if (refusal.errors() != null) {
            problem.setProperty("errors", refusal.errors());
        }
        return respond(problem);
    }

    /** Two appends computed the same step of one aggregate's history: the store's uniqueness refused the later. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(Exception exception) {
        return respond(problem(ProblemCode.CONCURRENT_CHANGE,
                "another change to the same unit was recorded at the same time; read it and try again"));
    }

    /** A rebuild or consistency check while another node holds that work (several nodes, decision 0013). */
    @ExceptionHandler(MaintenanceRefused.class)
    ResponseEntity<Object> maintenanceRefused(MaintenanceRefused refused) {
        return respond(problem(ProblemCode.valueOf(refused.code().name()), refused.getMessage()));
    }

    /** A key names one request (IETF draft "The Idempotency-Key HTTP Header Field": 422). */
    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Object> idempotencyKeyReused(IdempotencyKeyReused reused) {
        return respond(problem(ProblemCode.IDEMPOTENCY_KEY_REUSED, reused.getMessage()));
    }

    /** A value record (id, symbol, level, text) refused what the request carried. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalidValue(IllegalArgumentException exception) {
        return respond(Problems.invalid(exception.getMessage(), List.of()));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> tooLarge(PayloadTooLarge exception) {
        return respond(problem(ProblemCode.PAYLOAD_TOO_LARGE, exception.getMessage()));
    }

    /** Accepted but not recorded: a fault of the service, never a success. */
    @ExceptionHandler(RecordingLedger.NothingRecorded.class)
    ResponseEntity<Object> notRecorded(RecordingLedger.NothingRecorded exception) {
        log.error("a command was acknowledged by the command bus without recording an event", exception);
        return respond(problem(ProblemCode.NOT_RECORDED,
                "the ledger could not record the change; nothing was recorded, try again"));
    }

    /** Anything unforeseen: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        log.error("unexpected failure while handling a request", exception);
        return respond(problem(ProblemCode.INTERNAL_ERROR,
                "the ledger could not handle the request; nothing was recorded"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return respond(unreadable(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(),
                error.getDefaultMessage())));
        return respond(invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String field = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(field, error.getDefaultMessage())));
        }
        return respond(invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return respond(invalidFields(List.of(new FieldError(field == null ? "?" : field, expected(ex.getRequiredType())))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return respond(invalidFields(List.of(new FieldError(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return respond(problem(ProblemCode.NOT_FOUND, "no resource at /" + ex.getResourcePath()));
    }

    /** Spring's own problems (405, 406, 415, ...) get a code and are always problem+json. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object problem = body instanceof ProblemDetail detail ? Problems.withCode(detail)
                : Problems.problem(statusCode, Problems.codeFor(statusCode), body == null ? null : body.toString());
        return new ResponseEntity<>(problem, problemHeaders, statusCode);
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLarge tooLarge) {
                return problem(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonParseException parse) {
            // not well-formed inside a value (a key given twice in a nested object): the body, not the field, is wrong
            cause = parse;
        }
        if (cause instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            return problem(ProblemCode.MALFORMED_JSON, "the body is not well-formed JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (cause instanceof JsonMappingException mapping) {
            return invalidFields(List.of(new FieldError(path(mapping), message(mapping))));
        }
        if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return problem(ProblemCode.MALFORMED_JSON, "a JSON body is required");
        }
        return problem(ProblemCode.MALFORMED_JSON, "the body could not be read as JSON");
    }

    private static String message(JsonMappingException mapping) {
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (mapping instanceof InvalidFormatException format) {
            return expected(format.getTargetType());
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    /** What a value of {@code type} looks like, for a client who sent something else. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date that exists, written YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an instant, written as ISO-8601 UTC (2026-01-31T12:00:00Z)";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "must be a whole number";
        }
        return "must be a " + type.getSimpleName();
    }

    /** {@code authority.provision}, {@code successorIds[1]}: the field as the client wrote it. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = sorted.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return Problems.invalid(detail.isEmpty() ? "invalid input" : detail, sorted);
    }

    private static ProblemDetail problem(ErrorCode code, String detail) {
        return Problems.problem(code, detail);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.withCode(problem));
    }
}
