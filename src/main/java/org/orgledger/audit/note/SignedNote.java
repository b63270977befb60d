package org.orgledger.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one or more signature
 * lines. The text is what is signed; it is separated from the signatures by the last blank line.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** More than any real note needs, and what the spec asks every verifier to accept at least. */
    static final int MAX_SIGNATURES = 100;

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) {
        if (!note.endsWith("\n")) {
            throw new MalformedNote("a signed note ends in a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNote("a signed note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            signatures.add(NoteSignature.parse(line));
        }
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new MalformedNote("a signed note has 1 to " + MAX_SIGNATURES + " signatures");
        }
        return new SignedNote(text, signatures);
    }

    /** The note as served: the text, a blank line, the signature lines. */
    public String render() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        more.stream().filter(signature -> !all.contains(signature)).forEach(all::add);
        return new SignedNote(text, all);
    }

    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNote("a note's text is not empty and ends in a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNote("a note holds no control characters other than newline");
            }
        }
    }
}
