package org.orgledger.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.orgledger.platform.eventstore.IdempotencyKeys;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description cannot know from the controllers alone: that the API
 * signs in with HTTP Basic (so Swagger UI can sign in), which operations need it, the problem
 * details every operation may answer (RFC 9457, with the ledger's stable {@code code}), and a
 * summary, a description and a stable operationId for each operation, the value syntaxes of the path
 * parameters, and the bodies that are not JSON views (OpenApiFormats). Kept in one place, beside the controllers
 * and the request records, so that it can be checked as a whole (OpenApiDescriptionIT).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String WRITE = "Needs the REGISTRAR role (HTTP Basic). Answers with the sequence of each"
            + " change it recorded; a refusal is problem details with a stable code and appends nothing.";
    private static final String AUDIT = "Needs the AUDITOR or the REGISTRAR role (HTTP Basic).";
    private static final String READ = "Open to anyone by default; with ORGLEDGER_READS_REQUIRE_ROLE=true it needs the"
            + " AUDITOR or the REGISTRAR role (HTTP Basic).";

    /** Summaries of the operations whose controllers do not give one, by "METHOD path". */
    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("POST /api/units", "Establish a unit"),
            Map.entry("POST /api/units/rename/{unitId}", "Rename a unit"),
            Map.entry("POST /api/units/alternate-name/{unitId}", "Record another name an instrument gives a unit"),
            Map.entry("POST /api/units/reporting-line/{unitId}", "Change the unit a unit reports to"),
            Map.entry("POST /api/units/head/{unitId}", "Designate the head of a unit"),
            Map.entry("POST /api/units/vacate-head/{unitId}", "Vacate the head of a unit"),
            Map.entry("POST /api/units/functions/{unitId}", "Assign a function to a unit"),
            Map.entry("POST /api/units/withdraw-function/{unitId}", "Withdraw a function from a unit"),
            Map.entry("POST /api/units/reaffirm-function/{unitId}", "Ground a unit's function again in a later instrument"),
            Map.entry("POST /api/units/reaffirm/{unitId}", "Ground a unit (and its head) again in a later instrument"),
            Map.entry("POST /api/units/abolish/{unitId}", "Abolish a unit"),
            Map.entry("POST /api/units/retract/{unitId}", "Retract one recorded change of a unit"),
            Map.entry("POST /api/instruments", "Promulgate an instrument"),
            Map.entry("POST /api/instruments/supersede/{symbol}", "Supersede an instrument by a later one"),
            Map.entry("POST /api/imports", "Import a bulletin file (YAML), all or nothing"),
            Map.entry("GET /api/export/structure", "The structure as of a date in the W3C Organization Ontology or as CSV"),
            Map.entry("GET /api/audit/log", "Events in recorded order with their chain hashes"),
            Map.entry("GET /api/audit/verify", "Recompute the hash chain and check every signed tree head"),
            Map.entry("GET /api/audit/root", "The newest signed tree head"),
            Map.entry("GET /api/audit/roots", "Signed tree heads, oldest first"),
            Map.entry("GET /api/audit/key", "The public key that signs the tree heads"),
            Map.entry("GET /api/audit/proof", "Inclusion proof of an event in a signed tree"),
            Map.entry("GET /api/audit/consistency", "Consistency proof between two tree sizes"),
            Map.entry("GET /api/audit/export", "The whole log for offline verification (JSON Lines) or reading (CSV)"),
            Map.entry("GET /api/audit/checkpoint", "The newest (or a given size's) tree as a C2SP checkpoint, cosigned"),
            Map.entry("GET /api/audit/checkpoint/verifier-key", "The checkpoints' verifier key (signed-note form)"),
            Map.entry("GET /api/audit/checkpoint/verifier-keys", "Every key that has signed this ledger (signed-note form)"));

    @Bean
    OpenApiCustomizer ledgerOpenApiCustomizer() {
        return OpenApiDescription::customise;
    }

    static void customise(OpenAPI api) {
        api.getComponents()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The users registrar (writes) and auditor (audit endpoints); see README, Security"))
                .addSchemas(PROBLEM, problemSchema());
        OpenApiFormats.addSchemas(api.getComponents());
        api.getComponents().getSchemas().values().forEach(OpenApiDescription::examplesAsText);
        if (api.getPaths() == null) {
            return;
        }
        // The container's error page answers failures as problem details; it is not an operation.
        api.getPaths().remove("/error");
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(method, path, operation)));
        // Every tag an operation uses is declared, so that generators and linters group by them.
        Set<String> tags = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getTags() != null) {
                tags.addAll(operation.getTags());
            }
        }));
        api.setTags(tags.stream().map(name -> new Tag().name(name)).toList());
        if (api.getInfo() != null && "OpenAPI definition".equals(api.getInfo().getTitle())) {
            api.getInfo().title("OrgLedger");
        }
        if (api.getInfo() != null && api.getInfo().getContact() == null) {
            api.getInfo().contact(new Contact().name("OrgLedger"));
        }
        if (api.getInfo() != null && (api.getInfo().getDescription() == null || api.getInfo().getDescription().isBlank())) {
            api.getInfo().description("OrgLedger: an event-sourced, bitemporal and tamper-evident ledger of an"
                    + " organization's structure, its functions and the instruments that ground them. Errors are"
                    + " RFC 9457 problem details with a stable code.");
        }
    }

    private static void describe(PathItem.HttpMethod method, String path, Operation operation) {
        String key = method + " " + path;
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(SUMMARIES.getOrDefault(key, null));
        }
        operation.setOperationId(operationId(method, path));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean restricted = write || path.startsWith("/api/audit/");
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(write ? WRITE : path.startsWith("/api/audit/") ? AUDIT : READ);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> describe(key, parameter));
        }
        boolean command = write && (path.startsWith("/api/units") || path.startsWith("/api/instruments"));
        if (command) {
            operation.addParametersItem(new Parameter().in("header").name(IdempotencyKeys.HEADER).required(false)
                    .description("Names this request so that it may be sent again (to any node) without being recorded"
                            + " twice: a key the user already sent with the same request is answered with the first"
                            + " receipt; sent with another request (method, path or body) it is refused (422"
                            + " IDEMPOTENCY_KEY_REUSED). A UUID will do.")
                    .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,100}$").maxLength(100)));
        }
        boolean query = method == PathItem.HttpMethod.GET && ConsistentReads.isQuery(path);
        if (query) {
            operation.addParametersItem(new Parameter().in("header").name(ConsistentReads.MIN_POSITION).required(false)
                    .description("The answer must reflect at least this position of the log: send the sequence of your"
                            + " last command's receipt to read your own writes when a read replica may answer")
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
        }
        // Reads outside /api/audit are open unless ORGLEDGER_READS_REQUIRE_ROLE: sign-in optional.
        operation.setSecurity(restricted ? List.of(new SecurityRequirement().addList(BASIC))
                : List.of(new SecurityRequirement(), new SecurityRequirement().addList(BASIC)));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Malformed or invalid input (code INVALID_INPUT or more specific; errors lists the fields)");
        problems.put("401", "Not signed in, or wrong password (code UNAUTHENTICATED)");
        problems.put("403", "Signed in without the role this operation needs (code FORBIDDEN)");
        if (path.contains("{") || path.startsWith("/api/audit/") || write) {
            problems.put("404", "Unknown unit, instrument, sequence, tree size or checkpoint (code names which)");
        }
        if (write) {
            problems.put("409", "A rule of the ledger or a concurrent change refused it (code names the rule); nothing appended");
            problems.put("413", "The request body is too large (code PAYLOAD_TOO_LARGE)");
            problems.put("415", "Wrong media type for the body (code UNSUPPORTED_MEDIA_TYPE)");
        }
        if (command) {
            problems.put("422", "The Idempotency-Key was sent before with another request (code IDEMPOTENCY_KEY_REUSED);"
                    + " nothing appended");
        }
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        ApiResponse ok = responses.get("200");
        if (ok != null && query) {
            ok.addHeaderObject(ConsistentReads.LOG_POSITION, new Header().description("Every read model behind the answer"
                    + " has processed the log at least this far (compare with a receipt's sequence)")
                    .schema(new IntegerSchema().format("int64")));
            ok.addHeaderObject(ConsistentReads.READ_FROM, new Header().description("The database that answered:"
                    + " primary, or a streaming replica (decision 0018)")
                    .schema(new StringSchema()._enum(List.of("primary", "replica"))));
        }
        if (ok != null && OpenApiFormats.contents().containsKey(key)) {
            ok.setContent(OpenApiFormats.contents().get(key));
        } else {
            responses.forEach((status, response) -> jsonUnlessSaid(status, response));
        }
        operation.setResponses(responses);
    }

    /**
     * springdoc says {@code *}{@code /*} for a controller that does not name what it produces; such a
     * success answer with a view's schema is that view as JSON, and a generated client must know to
     * parse it as JSON. A bare string (a download, a text format) stays unnamed: it belongs in
     * OpenApiFormats, and OpenApiDescriptionIT says so.
     */
    private static void jsonUnlessSaid(String status, ApiResponse response) {
        Content content = response.getContent();
        if (status.startsWith("2") && content != null && content.size() == 1 && content.containsKey("*/*")
                && isView(content.get("*/*").getSchema())) {
            response.setContent(new Content().addMediaType("application/json", content.get("*/*")));
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isView(Schema schema) {
        return schema != null && (schema.get$ref() != null || "object".equals(schema.getType()) || "array".equals(schema.getType())
                || schema.getTypes() != null && (schema.getTypes().contains("object") || schema.getTypes().contains("array")));
    }

    /**
     * The syntax of the values a parameter carries, where the controller did not give it. springdoc
     * shares one schema object among parameters of the same type, so each gets a schema of its own.
     */
    @SuppressWarnings("rawtypes")
    private static void describe(String operation, Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null) {
            return;
        }
        String name = parameter.getName();
        if ("date".equals(schema.getFormat()) && schema.getPattern() == null) {
            parameter.setSchema(new StringSchema().format("date").pattern(ApiSchemas.DATE));
        }
        if ("path".equals(parameter.getIn()) && "unitId".equals(name)) {
            pathValue(parameter, ApiSchemas.UNIT_ID, 200, "The unit's id, e.g. un-habitat/programme-support-division");
        }
        if ("path".equals(parameter.getIn()) && "symbol".equals(name)) {
            pathValue(parameter, ApiSchemas.SYMBOL, 100, "The instrument's symbol as printed, e.g. ST/SGB/2002/14");
        }
        List<String> formats = OpenApiFormats.FORMAT_VALUES.get(operation);
        if ("format".equals(name) && formats != null) {
            StringSchema format = new StringSchema();
            format.setEnum(formats);
            format.setDefault(formats.get(0));
            parameter.setSchema(format);
        }
    }

    /** An id or symbol in a {@code {*name}} path: the rest of the path, slashes included. */
    private static void pathValue(Parameter parameter, String pattern, int maxLength, String description) {
        parameter.setSchema(new StringSchema().pattern(pattern).maxLength(maxLength));
        if (parameter.getDescription() == null) {
            parameter.setDescription(description + ": its '/' are part of the path, not percent-encoded");
        }
    }

    /**
     * swagger-core reads an example such as "11.2" as a number even for a string; a linter (and a
     * generator) then sees an example that does not fit its schema.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void examplesAsText(Schema schema) {
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiDescription::examplesAsText);
        }
        boolean text = "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
        if (text && schema.getExample() != null && !(schema.getExample() instanceof String)) {
            schema.setExample(String.valueOf(schema.getExample()));
        }
    }

    /**
     * "POST /api/units/rename/{unitId}" becomes {@code postUnitsRename}: derived from the path, so it
     * stays the same when a controller method is renamed, and unique because paths are.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase());
        for (String segment : path.replaceFirst("^/api/", "/").split("[/-]")) {
            if (segment.isEmpty() || segment.startsWith("{")) {
                continue;
            }
            id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
        }
        if (path.endsWith("}")) {
            String variable = path.substring(path.lastIndexOf('{') + 1, path.length() - 1);
            id.append("By").append(Character.toUpperCase(variable.charAt(0))).append(variable.substring(1));
        }
        return id.toString();
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new TreeMap<>();
        properties.put("type", new StringSchema().format("uri").description("The problem type (about:blank by default)"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong, for a person"));
        properties.put("instance", new StringSchema().format("uri"));
        properties.put("code", new StringSchema().description("The stable code a client can act on, e.g. UNIT_ABOLISHED"));
        properties.put("errors", new ArraySchema().description("The offending fields of invalid input")
                .items(new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        return new ObjectSchema().description("RFC 9457 problem details with the ledger's stable code")
                .properties(properties).required(List.of("status", "code"));
    }
}
