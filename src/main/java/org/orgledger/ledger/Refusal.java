package org.orgledger.ledger;

/**
 * A request refused with a code of the {@link ErrorCatalogue}: the one kind of failure the web
 * layer's single advice answers by its code (a rule broken, input refused, an audit request that
 * names nothing recorded). Nothing was recorded.
 */
public abstract class Refusal extends RuntimeException {

    private final ErrorCode code;

    protected Refusal(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What the problem lists under {@code errors} (the offending fields or lines), or null. */
    public Object errors() {
        return null;
    }
}
