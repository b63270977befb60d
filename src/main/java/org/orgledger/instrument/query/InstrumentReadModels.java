package org.orgledger.instrument.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.orgledger.platform.readmodel.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instruments' read model, as the rebuild and the consistency check see it. */
@Configuration(proxyBeanMethods = false)
class InstrumentReadModels {

    @Bean
    ReadModel instrumentReadModel(ObjectMapper json) {
        return ReadModel.of(InstrumentProjection.PROCESSING_GROUP, List.of("instrument_view"),
                jdbc -> new InstrumentProjection(jdbc, json));
    }
}
