package org.orgledger.language;

/** How a text relates to the official wording. */
public enum TextStatus {
    /** The exact wording of an official text. */
    VERBATIM,
    /** A summary of the official text, not its wording. */
    SUMMARY,
    /** A rendering into this language of an official text in another; not an official text. */
    UNOFFICIAL_TRANSLATION
}
