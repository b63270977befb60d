package org.orgledger.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.audit.merkle.MerkleTree;

class MerkleFrontierTest {

    @Test
    void appending_leaf_by_leaf_gives_the_same_root_as_building_the_whole_tree_at_every_size() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        assertThat(frontier.root()).isEqualTo(MerkleTree.fromLeafInputs(inputs).root());
        for (int i = 0; i < 70; i++) {
            byte[] input = MessageDigest.getInstance("SHA-256").digest(("event-" + i).getBytes(StandardCharsets.UTF_8));
            inputs.add(input);
            frontier = frontier.append(input);
            assertThat(frontier.size()).isEqualTo(i + 1);
            assertThat(frontier.root()).as("size %d", i + 1).isEqualTo(MerkleTree.fromLeafInputs(inputs).root());
        }
    }

    @Test
    void a_frontier_survives_encoding_and_decoding() {
        MerkleFrontier frontier = MerkleFrontier.empty();
        for (int i = 0; i < 11; i++) {
            frontier = frontier.append(new byte[32]);
        }
        MerkleFrontier decoded = MerkleFrontier.decode(11, frontier.encode());
        assertThat(decoded.root()).isEqualTo(frontier.root());
        assertThat(decoded.append(new byte[32]).root()).isEqualTo(frontier.append(new byte[32]).root());
    }

    @Test
    void a_frontier_with_the_wrong_number_of_hashes_for_its_size_is_refused() {
        assertThatThrownBy(() -> MerkleFrontier.decode(3, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }
}
