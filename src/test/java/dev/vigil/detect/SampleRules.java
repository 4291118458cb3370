package dev.vigil.detect;

/** Small Sigma rules shared by tests of the rule library, the API and the CLI. */
public final class SampleRules {

    /** A low-level Windows process-creation rule on whoami.exe, id 11111111-2222-4333-8444-555555555555. */
    public static final String WHOAMI = """
            title: Whoami Execution
            id: 11111111-2222-4333-8444-555555555555
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '\\\\whoami.exe'
                condition: selection
            level: low
            """;

    public static final String WHOAMI_ID = "11111111-2222-4333-8444-555555555555";

    private SampleRules() {
    }
}
