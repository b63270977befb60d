package org.orgledger.client.scenario;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.orgledger.client.ApiClient;
import org.orgledger.client.ApiException;
import org.orgledger.client.api.InstrumentCommandControllerApi;
import org.orgledger.client.api.InstrumentQueryControllerApi;
import org.orgledger.client.api.StructureControllerApi;
import org.orgledger.client.api.UnitCommandControllerApi;
import org.orgledger.client.model.AuthorityRequest;
import org.orgledger.client.model.CommandReceipt;
import org.orgledger.client.model.Establish;
import org.orgledger.client.model.InstrumentView;
import org.orgledger.client.model.Promulgate;
import org.orgledger.client.model.Rename;
import org.orgledger.client.model.StructureView;
import org.orgledger.client.model.UnitView;

/**
 * What a client written against the generated Java client does: compiled by OpenApiGeneratedClientIT
 * together with the client generated from the served description, so a description that cannot
 * express these calls fails to compile. Only generated types are used; HTTP Basic goes in through the
 * native client's request interceptor, as its documentation says.
 *
 * In: baseUri, user, password, suffix (makes the test's instrument and unit unique). Out: what the
 * test asserts.
 */
public class ClientScenario implements Function<Map<String, String>, Map<String, Object>> {

    @Override
    public Map<String, Object> apply(Map<String, String> in) {
        try {
            return run(in);
        } catch (ApiException e) {
            throw new IllegalStateException("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    private Map<String, Object> run(Map<String, String> in) throws ApiException {
        Map<String, Object> out = new LinkedHashMap<>();
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(in.get("baseUri"));
        StructureControllerApi structure = new StructureControllerApi(anonymous);

        ApiClient registrar = new ApiClient();
        registrar.updateBaseUri(in.get("baseUri"));
        String basic = Base64.getEncoder().encodeToString(
                (in.get("user") + ":" + in.get("password")).getBytes(StandardCharsets.UTF_8));
        registrar.setRequestInterceptor((HttpRequest.Builder request) -> request.header("Authorization", "Basic " + basic));
        UnitCommandControllerApi units = new UnitCommandControllerApi(registrar);

        String symbol = "TEST/OPENAPI-CLIENT/" + in.get("suffix");
        String unitId = "openapi-client-" + in.get("suffix");
        new InstrumentCommandControllerApi(registrar).postInstruments(new Promulgate()
                .symbol(symbol)
                .kind(Promulgate.KindEnum.OTHER)
                .title(Map.of("en", "A test instrument recorded by the generated client"))
                .issuedOn(LocalDate.of(2040, 1, 1))
                .effectiveFrom(LocalDate.of(2040, 1, 1)), null);
        CommandReceipt established = units.postUnits(new Establish()
                .id(unitId)
                .kind(Establish.KindEnum.OTHER)
                .name(Map.of("en", "Established by the generated client"))
                .effectiveFrom(LocalDate.of(2040, 1, 1))
                .authority(new AuthorityRequest().instrument(symbol).provision("1")), null);
        out.put("established sequence", established.getSequence());

        // The write under test: a rename, signed in as the registrar.
        CommandReceipt renamed = units.postUnitsRenameByUnitId(unitId, new Rename()
                .name(Map.of("en", "Renamed by the generated client"))
                .effectiveFrom(LocalDate.of(2041, 1, 1))
                .authority(new AuthorityRequest().instrument(symbol).provision("2")),
                "openapi-client-rename-" + in.get("suffix"));
        out.put("renamed sequence", renamed.getSequence());
        out.put("renamed visible", renamed.getVisible());

        // The read: the structure on two dates, as typed models.
        for (LocalDate asOf : List.of(LocalDate.of(2040, 6, 30), LocalDate.of(2041, 1, 1))) {
            StructureView view = structure.getStructure(asOf, null, null, renamed.getSequence());
            out.put("asOf " + asOf, view.getAsOf());
            UnitView unit = view.getUnits().stream().filter(candidate -> candidate.getId().equals(unitId))
                    .findFirst().orElseThrow(() -> new IllegalStateException(unitId + " not in the structure on " + asOf));
            out.put("name on " + asOf, unit.getName().get("en"));
            out.put("authority on " + asOf, unit.getAuthority().getInstrument() + " " + unit.getAuthority().getProvision());
        }
        out.put("instrument recorded by", new InstrumentQueryControllerApi(anonymous).getInstruments(null, null).getInstruments()
                .stream().filter(instrument -> instrument.getSymbol().equals(symbol))
                .map(InstrumentView::getRecordedBy).findFirst().orElse(null));
        return out;
    }
}
