package org.orgledger.structure.api;

import org.orgledger.language.LocalizedText;

/** Who heads a unit: the title per language and, where the instrument says it, the level (e.g. ASG). */
public record HeadView(LocalizedText title, String level) {
}
