package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil data-use}: what of this tenant's data trained which model or left as a fleet artefact, when, and under
 * which consent and policy version.
 */
@Command(name = "data-use", mixinStandardHelpOptions = true,
        description = "Show what of this tenant's data was used by which model or artefact, when, under which policy.")
public final class DataUseCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        JsonNode report = ApplianceClient.forDataDir(data.dataDir()).get("/api/v1/data-use", Map.of());
        if (json) {
            Output.json(report);
            return 0;
        }
        System.out.println("Tenant " + report.path("tenant").asText() + ": " + report.path("summary").asText() + ".");
        for (JsonNode use : report.path("uses")) {
            System.out.println(use.path("usedBy").asText() + " (" + use.path("purpose").asText() + "), "
                    + use.path("firstUse").asText() + " .. " + use.path("lastUse").asText());
            for (JsonNode r : use.path("records")) {
                System.out.println("  " + Output.pad(r.path("kind").asText() + "/" + r.path("id").asText(), 48)
                        + Output.pad(r.path("usedAt").asText(), 32) + "consent " + r.path("consentState").asText()
                        + ", policy " + r.path("policyVersion").asText());
            }
        }
        return 0;
    }
}
