package org.orgledger.importing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of importing one file: the instrument, whether anything was appended (a file
 * imported before appends nothing), the sequences appended, and when the file was first imported.
 */
public record ImportResult(String instrument, boolean imported, List<Long> sequences, Instant importedAt,
                           String message) {
}
