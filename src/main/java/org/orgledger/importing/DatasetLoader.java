package org.orgledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.orgledger.platform.transaction.NodeExclusive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty ledger, records the bundled UN-Habitat dataset
 * ({@code classpath:dataset/*.yaml}), oldest instrument first, as the user {@code system}.
 * Later starts find events in the ledger and append nothing; so do nodes that start at the same moment
 * as the one that loads it. Off with
 * {@code orgledger.dataset.load-on-empty=false}.
 */
@Component
class DatasetLoader {

    private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

    private final BulletinImporter importer;
    private final ReadModelBarrier ledger;
    private final JdbcTemplate jdbc;
    private final boolean loadOnEmpty;

    DatasetLoader(BulletinImporter importer, ReadModelBarrier ledger, JdbcTemplate jdbc,
                  @Value("${orgledger.dataset.load-on-empty:true}") boolean loadOnEmpty) {
        this.importer = importer;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.loadOnEmpty = loadOnEmpty;
    }

    /**
     * Nodes that start together on one empty database load it once: each waits for the load's lock
     * and looks at the ledger again under it, so a node that waited finds what the first one recorded.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadIfEmpty() {
        if (!loadOnEmpty || ledger.head() > 0) {
            return;
        }
        NodeExclusive.run(jdbc, NodeExclusive.DATASET_LOAD, () -> {
            if (ledger.head() == 0) {
                load();
            }
            return null;
        });
    }

    private void load() {
        for (DatasetFile file : bundledFiles()) {
            ImportResult result = importer.importFile(file.name(), file.content(), LedgerMetadata.SYSTEM);
            log.info("Dataset: {} ({}): {}", result.instrument(), file.name(), result.message());
        }
    }

    /** The bundled files, in the order the format prescribes: by effective date, then symbol. */
    List<DatasetFile> bundledFiles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:dataset/*.yaml");
            return Arrays.stream(resources)
                    .map(DatasetFile::read)
                    .sorted(Comparator.comparing(DatasetFile::order))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record DatasetFile(String name, byte[] content, String order) {

        static DatasetFile read(Resource resource) {
            try {
                byte[] content = resource.getContentAsByteArray();
                BulletinFile.Instrument instrument = BulletinFileParser.parse(content).instrument();
                return new DatasetFile(resource.getFilename(), content, instrument.effectiveFrom() + " " + instrument.symbol());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
