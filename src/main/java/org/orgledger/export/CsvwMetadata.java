package org.orgledger.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * CSV on the Web metadata (W3C "Metadata Vocabulary for Tabular Data") for one CSV export: the
 * table's {@code url}, the dialect the writer uses, and a table schema whose columns are the
 * writer's own ({@link CsvColumn}), with a primary key and an {@code aboutUrl} that names each
 * row by the IRI the RDF exports give the same thing.
 */
final class CsvwMetadata {

    static final String MEDIA_TYPE = "application/csvm+json";
    private static final String CSVW_CONTEXT = "http://www.w3.org/ns/csvw";

    private CsvwMetadata() {
    }

    static ObjectNode describe(ObjectMapper json, String csvUrl, String title, List<CsvColumn> columns,
                               String primaryKey, String aboutUrl) {
        ObjectNode metadata = json.createObjectNode();
        metadata.putArray("@context").add(CSVW_CONTEXT).addObject().put("@language", "en");
        metadata.put("url", csvUrl);
        metadata.put("dc:title", title);
        metadata.put("dc:publisher", "OrgLedger");
        metadata.putObject("dialect").put("encoding", "utf-8").put("header", true).put("doubleQuote", true)
                .putArray("lineTerminators").add("\r\n");
        ObjectNode schema = metadata.putObject("tableSchema");
        ArrayNode described = schema.putArray("columns");
        for (CsvColumn column : columns) {
            ObjectNode node = described.addObject()
                    .put("name", column.name())
                    .put("titles", column.title())
                    .put("datatype", column.datatype())
                    .put("required", column.required())
                    .put("dc:description", column.description());
            if (column.lang() != null) {
                node.put("lang", column.lang());
            }
        }
        schema.put("primaryKey", primaryKey);
        schema.put("aboutUrl", aboutUrl);
        return metadata;
    }
}
