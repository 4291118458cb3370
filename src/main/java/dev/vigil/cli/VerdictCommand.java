package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code vigil verdict ALERT tp|benign|fp [--note TEXT]}: an analyst's verdict on one alert, the way feedback learning
 * reads it. The same call as {@code vigil alerts close ALERT --verdict ...}: recorded with the analyst, time, the
 * tenant's model-training consent and policy version, and audited ({@code alert.close}).
 */
@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = {"Give a verdict on an alert: tp (true positive), benign (benign positive) or fp (false positive).",
                "Recorded with you, the time, the tenant's model-training consent and policy, and audited."})
public final class VerdictCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataDirOption data = new DataDirOption();
    @Parameters(index = "0", paramLabel = "ALERT_ID")
    String id;
    @Parameters(index = "1", paramLabel = "VERDICT", description = "tp, benign (or bp) or fp")
    String verdict;
    @Option(names = "--note", description = "Why; kept with the alert and in the audit chain.")
    String note;

    @Override
    public Integer call() {
        ObjectNode body = JSON.createObjectNode().put("action", "close").put("verdict", verdict).put("note", note);
        body.putArray("ids").add(id);
        return AlertsCommand.report(ApplianceClient.forDataDir(data.dataDir()).post("/api/v1/alerts/bulk", "application/json",
                body.toString()));
    }
}
