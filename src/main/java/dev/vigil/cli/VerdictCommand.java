package dev.vigil.cli;

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
        return AlertsCommand.close(data, java.util.List.of(id), verdict, note);
    }
}
