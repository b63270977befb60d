package org.orgledger.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.orgledger.ledger.ProblemCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a bulletin file's bytes into a YAML node tree, with the parser's limits set so that a
 * hostile file cannot exhaust the service: strict UTF-8, a size limit, a nesting limit, and no
 * aliases of collections (the "billion laughs"). Nothing is constructed from tags.
 */
final class YamlDocument {

    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;
    static final int MAX_NESTING = 20;

    private YamlDocument() {
    }

    static Node parse(byte[] bytes) {
        String text = decodeUtf8(bytes);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        try {
            List<Node> documents = new java.util.ArrayList<>();
            new Yaml(options).composeAll(new java.io.StringReader(text)).forEach(documents::add);
            if (documents.size() != 1) {
                throw refused(ProblemCode.YAML_SYNTAX, 1, 1, "a bulletin file holds exactly one YAML document, not " + documents.size());
            }
            return documents.get(0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw refused(ProblemCode.YAML_SYNTAX, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message);
        } catch (YAMLException e) {
            throw refused(ProblemCode.YAML_LIMIT, 1, 1, e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(ProblemCode.NOT_UTF8, 1, 1, "the file is not valid UTF-8");
        }
    }

    private static InvalidBulletinFile refused(ProblemCode code, int line, int column, String message) {
        return new InvalidBulletinFile(code, List.of(new FileProblem("(file)", line, column, message)));
    }
}
