package org.orgledger.benchmark;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated history: the bulletin files in the order they must be imported, and what the
 * generator's model expects the ledger to answer, so the benchmark can check it measured the
 * right thing.
 *
 * @param fixedAnswerDate  a date with a few hundred units in force whatever the size of history
 * @param largeAnswerDate  the last day of the history: every unit still in force
 * @param liveAtEnd        units in force at the end (for writes after the history)
 * @param renames          renamings of units in force at the end, to retract some of them
 */
record SyntheticHistory(List<BulletinFileBytes> files, int changes, int unitsEstablished, int years,
                        LocalDate fixedAnswerDate, int fixedAnswerUnits, LocalDate largeAnswerDate,
                        int largeAnswerUnits, List<String> liveAtEnd, List<RenameSample> renames) {

    record BulletinFileBytes(String name, byte[] yaml, int changes, LocalDate effectiveFrom) {
    }

    record RenameSample(String unitId, LocalDate effectiveFrom, String instrument) {
    }

    /** Files whose instrument takes effect before the one recorded just before it. */
    long backDatedFiles() {
        long count = 0;
        LocalDate latest = LocalDate.MIN;
        for (BulletinFileBytes file : files) {
            if (file.effectiveFrom().isBefore(latest)) {
                count++;
            }
            latest = file.effectiveFrom().isAfter(latest) ? file.effectiveFrom() : latest;
        }
        return count;
    }
}
