package org.orgledger.structure.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.orgledger.platform.readmodel.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The structure's read models, as the rebuild and the consistency check see them. */
@Configuration(proxyBeanMethods = false)
class StructureReadModels {

    @Bean
    ReadModel structureReadModel(ObjectMapper json) {
        return ReadModel.of(StructureProjection.PROCESSING_GROUP, List.of("structure_assertion", "structure_fact"),
                jdbc -> new StructureProjection(new StructureFacts(jdbc), json, jdbc));
    }

    @Bean
    ReadModel changeLogReadModel(ObjectMapper json) {
        return ReadModel.of(ChangeLogProjection.PROCESSING_GROUP, List.of("change_log"),
                jdbc -> new ChangeLogProjection(jdbc, json), "change_log");
    }
}
