package org.orgledger.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every code the API can answer, each with its HTTP status and meaning: the rules of the ledger
 * and the other problems. docs/errors.md is this catalogue written out (ErrorCatalogueTest checks it).
 */
public final class ErrorCatalogue {

    private static final List<ErrorCode> ALL = collect();

    private ErrorCatalogue() {
    }

    /** By status, then code. */
    public static List<ErrorCode> all() {
        return ALL;
    }

    public static Optional<ErrorCode> byName(String code) {
        return ALL.stream().filter(entry -> entry.name().equals(code)).findFirst();
    }

    private static List<ErrorCode> collect() {
        List<ErrorCode> codes = new ArrayList<>(List.of(Rule.values()));
        codes.addAll(List.of(ProblemCode.values()));
        codes.sort(Comparator.comparingInt(ErrorCode::httpStatus).thenComparing(ErrorCode::name));
        return List.copyOf(codes);
    }
}
