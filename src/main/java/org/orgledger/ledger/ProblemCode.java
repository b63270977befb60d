package org.orgledger.ledger;

/**
 * Every code the API answers that is not a rule of the ledger: refused input, refused requests,
 * the audit endpoints' refusals and the service's own failures. A code is answered with its
 * status; a status the servlet container answers that has no code of its own (a 4xx other than
 * those below, a 5xx) gets {@link #INVALID_INPUT} or {@link #INTERNAL_ERROR}.
 */
public enum ProblemCode implements ErrorCode {
    MALFORMED_JSON(400, "The body is missing or is not well-formed JSON (a key given twice counts as not well-formed)."),
    INVALID_INPUT(400, "A field of the body, a path segment or a parameter is missing or invalid; errors names each field."),
    MISSING_PARAMETER(400, "A required query parameter of a read is missing; errors names it."),
    INVALID_DATE(400, "A date query parameter is not a date of the ledger (YYYY-MM-DD, years 1000 to 9999)."),
    INVALID_INSTANT(400, "An instant query parameter is not an ISO-8601 instant of the ledger's range."),
    INVALID_DATE_RANGE(400, "A read's from date is after its to date."),
    INVALID_LANGUAGE(400, "The lang query parameter is not a language tag such as en or zh-Hans."),
    NOT_UTF8(400, "A bulletin file is not valid UTF-8."),
    YAML_SYNTAX(400, "A bulletin file is not exactly one well-formed YAML document."),
    YAML_LIMIT(400, "A bulletin file exceeds a limit of the YAML reader (size, nesting, aliases)."),
    INVALID_BULLETIN_FILE(400, "A bulletin file is well-formed YAML but not a valid bulletin file; errors lists each problem with its line."),
    INVALID_TREE_SIZE(400, "An audit request names a tree size no signed tree can have.", "Invalid tree size"),
    INVALID_LIMIT(400, "An audit list was asked for a page size outside 1 to 1000.", "Invalid limit"),
    UNSUPPORTED_FORMAT(400, "An audit log export was asked for in a format other than jsonl or csv.", "Unsupported format"),
    UNAUTHENTICATED(401, "The request needs credentials, and carried none or wrong ones."),
    FORBIDDEN(403, "The user's role does not allow the request, or a write came from a page of another origin."),
    NOT_FOUND(404, "Nothing is served at the path."),
    UNKNOWN_SEQUENCE(404, "An audit request names a sequence the ledger has not recorded.", "Unknown sequence"),
    UNKNOWN_TREE_SIZE(404, "No signed tree head of that size has been recorded.", "No signed tree head of that size"),
    UNKNOWN_CHECKPOINT(404, "No checkpoint of that size has been signed.", "No checkpoint of that size"),
    UNKNOWN_TIMESTAMP(404, "No trusted timestamp is stored on the tree head of that size (a head is stamped after it commits, at most once per interval).",
            "No timestamp on that tree head"),
    METHOD_NOT_ALLOWED(405, "The path does not take that method (commands take POST only; TRACE is never served)."),
    NOT_ACCEPTABLE(406, "The response cannot be written in a media type the Accept header allows."),
    CONCURRENT_CHANGE(409,
            "Another change to the same unit or instrument was recorded as the same step of its history; read it and send the change again."),
    READ_MODEL_MAINTENANCE_BUSY(409, "Another node is rebuilding or checking the read models; try again when it has finished.",
            "Read-model maintenance held by another node"),
    READ_MODEL_SEGMENTS_ELSEWHERE(409, "Another node did not give up its read-model segments, which a rebuild resets; nothing was reset.",
            "Read-model maintenance held by another node"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already sent by the user with another request (method, path or body); nothing was recorded.",
            "Idempotency key reused with another request"),
    PAYLOAD_TOO_LARGE(413, "The request body is larger than the service accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body is not of a media type the endpoint reads (JSON, or YAML for imports)."),
    NOT_RECORDED(500, "The ledger acknowledged a command without recording it; nothing was recorded, and it may be sent again."),
    INTERNAL_ERROR(500, "The service failed to handle the request; nothing was recorded.");

    private final int httpStatus;
    private final String meaning;
    private final String title;

    ProblemCode(int httpStatus, String meaning) {
        this(httpStatus, meaning, null);
    }

    ProblemCode(int httpStatus, String meaning, String title) {
        this.httpStatus = httpStatus;
        this.meaning = meaning;
        this.title = title;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** The problem's title where it is not the status's reason phrase (the audit endpoints' titles), or null. */
    public String title() {
        return title;
    }
}
