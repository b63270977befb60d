package org.orgledger.importing;

import java.util.List;

/** A bulletin file refused whole: nothing was appended. */
public class InvalidBulletinFile extends RuntimeException {

    private final String code;
    private final int httpStatus;
    private final List<FileProblem> problems;

    /** A file that is not a well-formed bulletin file: 400. */
    public InvalidBulletinFile(String code, List<FileProblem> problems) {
        this(code, 400, problems);
    }

    /** A well-formed file that breaks a rule of the ledger (409) or names something unknown (404). */
    public InvalidBulletinFile(String code, int httpStatus, List<FileProblem> problems) {
        super(problems.isEmpty() ? code
                : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.code = code;
        this.httpStatus = httpStatus;
        this.problems = List.copyOf(problems);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public List<FileProblem> problems() {
        return problems;
    }
}
