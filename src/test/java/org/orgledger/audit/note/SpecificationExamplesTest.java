package org.orgledger.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.audit.chain.Ed25519Keys;

/**
 * The examples printed in the C2SP specifications (signed-note, tlog-checkpoint,
 * tlog-cosignature), and the key, note and signature of the reference implementation's own tests
 * (Go's golang.org/x/mod/sumdb/note), which C2SP signed-note was written from. Ed25519 is
 * deterministic, so signing the reference text with the reference key must give its signature
 * byte for byte.
 */
class SpecificationExamplesTest {

    // c2sp.org/signed-note: the example note (its text holds an empty line)
    static final String QUASIMODO = """
            Ognuno sta solo sul cuor della terra
            trafitto da un raggio di sole:

            ed è subito sera.

            — quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=
            """;

    // c2sp.org/tlog-checkpoint and c2sp.org/tlog-cosignature: the example checkpoint, cosigned
    static final String COSIGNED_CHECKPOINT = """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
            — witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==
            """;

    // golang.org/x/mod/sumdb/note, note_test.go
    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_SIGNATURE = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void the_signed_note_example_splits_at_the_last_blank_line_and_renders_back_unchanged() {
        SignedNote note = SignedNote.parse(QUASIMODO);

        assertThat(note.text()).isEqualTo("Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n");
        assertThat(note.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo("quasimodo.example/salvatore");
            assertThat(signature.signature()).hasSize(64);
        });
        assertThat(note.render()).isEqualTo(QUASIMODO);
    }

    @Test
    void the_checkpoint_example_reads_as_origin_size_and_root_and_renders_back_unchanged() {
        SignedNote note = SignedNote.parse(COSIGNED_CHECKPOINT);
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.treeSize()).isEqualTo(20852163L);
        assertThat(checkpoint.rootHash()).isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.text()).isEqualTo(note.text());
        assertThat(note.render()).isEqualTo(COSIGNED_CHECKPOINT);
    }

    @Test
    void the_cosignature_example_carries_the_timestamp_of_the_specified_signed_message() {
        NoteSignature witness = SignedNote.parse(COSIGNED_CHECKPOINT).signatures().get(1);
        Cosignature cosignature = Cosignature.decode(witness.signature());

        assertThat(witness.keyName()).isEqualTo("witness.example.com/w1");
        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        // the signed message exactly as tlog-cosignature prints it
        assertThat(new String(Cosignature.message(1679315147L,
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void the_reference_verifier_key_reads_and_encodes_back_with_its_key_id() {
        NoteVerifierKey key = NoteVerifierKey.parse(GO_VERIFIER_KEY);

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.type()).isEqualTo(NoteVerifierKey.ED25519);
        assertThat(Integer.toHexString(key.keyId())).isEqualTo("c74f20a3");
        assertThat(key.encode()).isEqualTo(GO_VERIFIER_KEY);
    }

    @Test
    void signing_the_reference_text_with_the_reference_key_gives_the_reference_signature() {
        byte[] typedSeed = Base64.getDecoder().decode(GO_SIGNER_KEY.split("\\+", 5)[4]);
        assertThat(typedSeed[0]).isEqualTo(NoteVerifierKey.ED25519);
        byte[] seed = java.util.Arrays.copyOfRange(typedSeed, 1, typedSeed.length);
        NoteSigner signer = new NoteSigner("PeterNeumann", Ed25519Keys.fromSeed(seed));

        assertThat(signer.verifierKey().encode()).isEqualTo(GO_VERIFIER_KEY);
        assertThat(signer.sign(GO_TEXT).line()).isEqualTo(GO_SIGNATURE);
        assertThat(signer.signedNote(GO_TEXT).render()).isEqualTo(GO_TEXT + "\n" + GO_SIGNATURE);
    }

    @Test
    void the_reference_note_verifies_with_the_reference_key_and_not_once_altered() {
        NoteVerifier verifier = new NoteVerifier(List.of(NoteVerifierKey.parse(GO_VERIFIER_KEY)));
        String note = GO_TEXT + "\n" + GO_SIGNATURE;

        assertThat(verifier.verify(SignedNote.parse(note))).hasSize(1);
        assertThatThrownBy(() -> verifier.verify(SignedNote.parse(note.replace("cryptography", "cryptographY"))))
                .isInstanceOf(NoteVerifier.NoteNotVerified.class);
    }

    @Test
    void signatures_of_unknown_keys_are_ignored_and_a_note_without_a_trusted_signature_is_rejected() {
        NoteVerifier verifier = new NoteVerifier(List.of(NoteVerifierKey.parse(GO_VERIFIER_KEY)));
        SignedNote withStranger = SignedNote.parse(GO_TEXT + "\n" + GO_SIGNATURE
                + new NoteSigner("Stranger", Ed25519Keys.generate()).sign(GO_TEXT).line());

        assertThat(verifier.verify(withStranger)).extracting(NoteSignature::keyName).containsExactly("PeterNeumann");
        assertThatThrownBy(() -> verifier.verify(SignedNote.parse(QUASIMODO)))
                .isInstanceOf(NoteVerifier.NoteNotVerified.class).hasMessageContaining("no trusted key");
    }

    @Test
    void a_cosignature_verifies_with_the_cosigner_key_over_the_checkpoint_text() {
        NoteSigner witness = new NoteSigner("witness.example/w1", Ed25519Keys.generate());
        String text = new Checkpoint("orgledger.example/test", 3, new byte[32]).text();
        SignedNote cosigned = new SignedNote(text, List.of(witness.cosign(text, 1_700_000_000L)));

        assertThat(new NoteVerifier(List.of(witness.cosignerKey())).verify(cosigned)).hasSize(1);
        // the same key as a log key (type 0x01) has another key ID: the cosignature is not its
        assertThatThrownBy(() -> new NoteVerifier(List.of(witness.verifierKey())).verify(cosigned))
                .isInstanceOf(NoteVerifier.NoteNotVerified.class);
        SignedNote otherSize = new SignedNote(new Checkpoint("orgledger.example/test", 4, new byte[32]).text(),
                cosigned.signatures());
        assertThatThrownBy(() -> new NoteVerifier(List.of(witness.cosignerKey())).verify(otherSize))
                .isInstanceOf(NoteVerifier.NoteNotVerified.class);
    }

    @Test
    void malformed_notes_keys_and_checkpoints_are_refused() {
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT)).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> SignedNote.parse(GO_TEXT + "\n- PeterNeumann AAAA\n")).isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> NoteVerifierKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> Checkpoint.parse("origin\n007\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"))
                .isInstanceOf(MalformedNote.class);
        assertThatThrownBy(() -> new NoteSigner("has space", Ed25519Keys.generate())).isInstanceOf(MalformedNote.class);
    }
}
