package org.orgledger.importing;

import java.util.List;
import org.orgledger.ledger.ErrorCode;
import org.orgledger.ledger.Refusal;

/**
 * A bulletin file refused whole: nothing was appended. Its code is one of the catalogue's: a
 * file that is not a well-formed bulletin file (400), or a rule of the ledger a step would break.
 */
public class InvalidBulletinFile extends Refusal {

    private final List<FileProblem> problems;

    public InvalidBulletinFile(ErrorCode code, List<FileProblem> problems) {
        super(code, problems.isEmpty() ? code.name()
                : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    @Override
    public Object errors() {
        return problems;
    }
}
