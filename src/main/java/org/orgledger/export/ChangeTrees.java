package org.orgledger.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.orgledger.structure.api.ChangeView;

/**
 * The changes as the exports read them: each one's JSON, as {@code /api/timeline} writes it
 * (without a language preference), so that a field of any change type is read by its name.
 */
final class ChangeTrees {

    private ChangeTrees() {
    }

    static List<ObjectNode> of(ObjectMapper json, List<ChangeView> changes) {
        return changes.stream().map(change -> (ObjectNode) json.valueToTree(change)).toList();
    }
}
