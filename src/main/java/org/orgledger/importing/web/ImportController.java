package org.orgledger.importing.web;

import org.orgledger.web.Principals;
import java.security.Principal;
import org.orgledger.importing.BulletinImporter;
import org.orgledger.importing.ImportResult;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.ledger.LedgerText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/imports}: one bulletin file (YAML, docs/bulletin-format.md) as the body.
 * 201 when its changes were recorded; 200 when the same file was imported before (nothing
 * appended); 400/404/409 with the file position and field when it is refused (nothing appended).
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private static final int MAX_FILE_NAME = 255;

    private final BulletinImporter importer;

    ImportController(BulletinImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    ResponseEntity<ImportResult> importFile(@RequestBody byte[] content,
                                            @RequestParam(required = false) String fileName, Principal principal) {
        ImportResult result = importer.importFile(fileNameOf(fileName), content, Principals.nameOf(principal));
        return ResponseEntity.status(result.imported() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    /** The name is kept with the import record: text PostgreSQL stores as given (no NUL, no lone surrogate). */
    private static String fileNameOf(String fileName) {
        if (fileName != null && (fileName.length() > MAX_FILE_NAME || !LedgerText.acceptable(fileName))) {
            throw InvalidInput.of("fileName", "must be a file name of at most " + MAX_FILE_NAME + " characters that "
                    + LedgerText.RULE);
        }
        return fileName;
    }
}
