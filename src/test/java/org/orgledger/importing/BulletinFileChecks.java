package org.orgledger.importing;

import java.util.List;

/** Lets tests outside this package read a bulletin file the way the importer does. */
public final class BulletinFileChecks {

    private BulletinFileChecks() {
    }

    /** The simple names of the commands the file stands for, in the order they run; throws if invalid. */
    public static List<String> commandsOf(byte[] yaml) {
        return ImportPlan.of(BulletinFileParser.parse(yaml)).steps().stream()
                .map(step -> step.command().getClass().getSimpleName())
                .toList();
    }
}
