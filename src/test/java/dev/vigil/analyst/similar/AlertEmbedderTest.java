package dev.vigil.analyst.similar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embeddings of the real shipped model, on a real ONNX Runtime session. */
class AlertEmbedderTest {

    private static AlertEmbedder embedder;

    @BeforeAll
    static void open() {
        embedder = AlertEmbedder.miniLm(1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /** Each row: a text, a paraphrase of it, and an unrelated text of the same domain. */
    private static final List<List<String>> TRIPLES = List.of(
            List.of("Failed password for root from 203.0.113.9 over SSH",
                    "SSH login as root failed: wrong password, source 203.0.113.9",
                    "New scheduled task created to run a script at logon"),
            List.of("Mimikatz read the memory of lsass.exe to dump credentials",
                    "Credential dumping: a process accessed LSASS memory (Mimikatz)",
                    "Outbound DNS query to a newly registered domain"),
            List.of("PowerShell downloaded and executed a script from the internet",
                    "powershell.exe -nop -w hidden IEX (New-Object Net.WebClient).DownloadString(...) download cradle",
                    "User account added to the Domain Admins group"),
            List.of("Large upload of data to an external cloud storage bucket",
                    "Data exfiltration: many gigabytes sent to an outside storage service",
                    "Brute force of SSH passwords against a Linux server"));

    @Test
    void paraphrasesAreCloserThanUnrelatedTexts() {
        for (List<String> t : TRIPLES) {
            List<float[]> v = embedder.embedAll(t);
            double paraphrase = MeanPooling.dot(v.get(0), v.get(1));
            double unrelated = MeanPooling.dot(v.get(0), v.get(2));
            assertTrue(paraphrase > unrelated, String.format("cos(paraphrase)=%.3f must exceed cos(unrelated)=%.3f for '%s'",
                    paraphrase, unrelated, t.get(0)));
        }
    }

    @Test
    void everyVectorHas384ValuesOfUnitLength() {
        float[] v = embedder.embed("Suspicious PowerShell download cradle detected on host WS-12.");
        assertEquals(MiniLm.DIMENSIONS, v.length);
        assertEquals(1.0, MeanPooling.dot(v, v), 1e-5);
    }

    @Test
    void theSameTextGetsTheSameVectorWhateverIsEmbeddedAlongside() {
        String shortText = "whoami";
        float[] alone = embedder.embed(shortText);
        float[] alongside = embedder.embedAll(List.of(shortText, TRIPLES.get(2).get(1) + " " + TRIPLES.get(3).get(1))).getFirst();
        assertEquals(1.0, MeanPooling.dot(alone, alongside), 1e-6);
    }

    @Test
    void theShippedEmbedderReadsOnlyTheFirstAlertTokensOfAText() {
        String head = "Suspicious PowerShell download cradle detected on host WS-12. ".repeat(6);
        assertTrue(embedder.tokenizer().encode(head).length == AlertEmbedder.ALERT_TOKENS, "the head alone fills the tokens");
        float[] one = embedder.embed(head + TRIPLES.get(0).get(0));
        float[] other = embedder.embed(head + TRIPLES.get(3).get(2));
        assertEquals(1.0, MeanPooling.dot(one, other), 1e-6);
    }

    @Test
    void differentTextsGetDifferentVectors() {
        List<float[]> v = embedder.embedAll(List.of(TRIPLES.get(0).get(0), TRIPLES.get(1).get(0)));
        assertTrue(MeanPooling.dot(v.get(0), v.get(1)) < 0.9, "two unrelated alerts are not near-identical");
    }
}
