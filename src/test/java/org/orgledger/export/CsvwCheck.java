package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

/**
 * Checks a CSV export against its CSV on the Web metadata, with no CSVW validator at hand (none
 * is maintained for Java): the metadata is read as JSON-LD by Apache Jena with the CSVW context
 * itself (src/test/resources/csvw, served in place of http://www.w3.org/ns/csvw), so every
 * property means what CSVW says; then the table's url, the header (the columns' titles in order),
 * each cell against its column's datatype (Jena's XSD datatypes), required cells and the primary
 * key are checked against the CSV's actual rows.
 */
final class CsvwCheck {

    static final String CSVW = "http://www.w3.org/ns/csvw#";
    private static final String CONTEXT_URL = "http://www.w3.org/ns/csvw";

    record Column(String name, String title, String datatype, boolean required, String lang) {
    }

    record Table(String url, List<Column> columns, String primaryKey, String aboutUrl) {
    }

    private CsvwCheck() {
    }

    /** The table the metadata describes, read through the CSVW JSON-LD context. */
    static Table read(String metadata, String metadataUrl) {
        JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
            if (!url.toString().equals(CONTEXT_URL)) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "only the CSVW context is served: " + url);
            }
            JsonDocument document = JsonDocument.of(new StringReader(csvwContext()));
            document.setDocumentUrl(url);
            return document;
        });
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().fromString(metadata).lang(Lang.JSONLD11).base(metadataUrl).context(context).parse(model);

        Resource table = model.listSubjectsWithProperty(p(model, "url")).next();
        Resource schema = table.getPropertyResourceValue(p(model, "tableSchema"));
        RDFList columns = schema.getPropertyResourceValue(p(model, "column")).as(RDFList.class);
        List<Column> described = new ArrayList<>();
        for (RDFNode node : columns.asJavaList()) {
            Resource column = node.asResource();
            Statement lang = column.getProperty(p(model, "lang"));
            described.add(new Column(column.getProperty(p(model, "name")).getString(),
                    column.getProperty(p(model, "title")).getString(),
                    column.getPropertyResourceValue(p(model, "datatype")).getURI(),
                    column.getProperty(p(model, "required")).getBoolean(),
                    lang == null ? null : lang.getString()));
        }
        return new Table(table.getProperty(p(model, "url")).getString(), described,
                schema.getProperty(p(model, "primaryKey")).getString(), aboutUrl(metadata));
    }

    /** The CSV's header and rows agree with the table schema. */
    static void agree(Table table, String csv) {
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.get(0)).as("header").containsExactlyElementsOf(table.columns().stream().map(Column::title).toList());
        int key = table.columns().stream().map(Column::name).toList().indexOf(table.primaryKey());
        assertThat(key).as("primary key column").isNotNegative();
        Set<String> keys = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).as("row %s", row).hasSize(table.columns().size());
            for (int i = 0; i < row.size(); i++) {
                Column column = table.columns().get(i);
                String cell = row.get(i);
                if (cell.isEmpty()) {
                    assertThat(column.required()).as("%s is required: %s", column.name(), row).isFalse();
                    continue;
                }
                RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(column.datatype());
                assertThat(datatype.isValid(cell)).as("%s '%s' is a %s", column.name(), cell, column.datatype()).isTrue();
            }
            assertThat(keys.add(row.get(key))).as("primary key %s unique", row.get(key)).isTrue();
        }
    }

    /** RFC 4180: CRLF between records, quoted fields with doubled quotes, line breaks inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length() == 0 && row.isEmpty()).as("the CSV ends with CRLF").isTrue();
        return rows;
    }

    /**
     * aboutUrl is a URI template ({@code urn:orgledger:unit/{+id}}): CSVW processors read it as a
     * string and expand it per row; as JSON-LD it would be resolved as an IRI, which a template is not.
     */
    private static String aboutUrl(String metadata) {
        try {
            return new ObjectMapper().readTree(metadata).at("/tableSchema/aboutUrl").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The published CSVW context, less its one term definition that JSON-LD 1.1 processors refuse:
     * {@code groupChar} declares {@code "@type": "NumericFormat,xsd:string"}, which is no IRI
     * (Titanium: INVALID_TYPE_MAPPING). The exports' metadata does not use groupChar.
     */
    static String csvwContext() {
        try (InputStream in = CsvwCheck.class.getResourceAsStream("/csvw/csvw.jsonld")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode document = (ObjectNode) json.readTree(in);
            ((ObjectNode) document.get("@context")).remove("groupChar");
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Property p(Model model, String local) {
        return model.createProperty(CSVW + local);
    }
}
