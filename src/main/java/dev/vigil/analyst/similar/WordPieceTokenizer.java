package dev.vigil.analyst.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The BERT WordPiece tokenizer of a Hugging Face {@code tokenizer.json} (model type {@code WordPiece}, normaliser
 * {@code BertNormalizer}, pre-tokeniser {@code BertPreTokenizer}, a {@code [CLS] A [SEP]} template), in plain Java.
 * Pure: no I/O after construction, safe to share between threads.
 *
 * <p>Guarantees, following the reference implementation (Hugging Face {@code tokenizers}, crate module
 * {@code normalizers::bert}, {@code pre_tokenizers::bert}, {@code models::wordpiece}):
 * <ol>
 *   <li>Normalisation: NUL, U+FFFD and control characters (Unicode category C*, except tab, CR and LF) are dropped and
 *   white space (the Unicode White_Space property) becomes a space; CJK ideographs are surrounded by spaces; accents
 *   are stripped (NFD, then non-spacing marks dropped) and the text is lower-cased, when the normaliser says so.</li>
 *   <li>Pre-tokenisation: split on white space (removed) and around each punctuation character (ASCII punctuation or
 *   Unicode category P*), which becomes a word of its own.</li>
 *   <li>WordPiece: each word is cut greedily into the longest vocabulary pieces from the left, later pieces carrying
 *   the continuation prefix ({@code ##}); a word longer than {@code max_input_chars_per_word} code points, or one
 *   that cannot be cut entirely into pieces, becomes the unknown token.</li>
 *   <li>{@code [CLS]} first and {@code [SEP]} last; the whole sequence, both included, is at most {@link #maxLength()}
 *   ids (the {@code truncation.max_length} of the file, else 512): pieces beyond are dropped from the right.</li>
 * </ol>
 * A file of another shape (not WordPiece, unknown normaliser or pre-tokeniser, missing special tokens) is refused at
 * construction with a message naming what is wrong.
 */
public final class WordPieceTokenizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_MAX_LENGTH = 512;

    private final Map<String, Integer> vocab;
    private final String continuation;
    private final int maxCharsPerWord;
    private final int unknownId;
    private final int clsId;
    private final int sepId;
    private final int maxLength;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final boolean cleanText;
    private final boolean chineseChars;

    private WordPieceTokenizer(Map<String, Integer> vocab, String unknown, String continuation, int maxCharsPerWord,
                               int maxLength, boolean lowercase, boolean stripAccents, boolean cleanText,
                               boolean chineseChars) {
        this.vocab = Map.copyOf(vocab);
        this.continuation = continuation;
        this.maxCharsPerWord = maxCharsPerWord;
        this.unknownId = id(unknown);
        this.clsId = id("[CLS]");
        this.sepId = id("[SEP]");
        this.maxLength = maxLength;
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
        this.cleanText = cleanText;
        this.chineseChars = chineseChars;
        if (maxLength < 2) {
            throw new IllegalArgumentException("tokenizer.json: truncation.max_length must leave room for [CLS] and [SEP], was " + maxLength);
        }
    }

    private WordPieceTokenizer(WordPieceTokenizer from, int maxLength) {
        this.vocab = from.vocab;
        this.continuation = from.continuation;
        this.maxCharsPerWord = from.maxCharsPerWord;
        this.unknownId = from.unknownId;
        this.clsId = from.clsId;
        this.sepId = from.sepId;
        this.maxLength = maxLength;
        this.lowercase = from.lowercase;
        this.stripAccents = from.stripAccents;
        this.cleanText = from.cleanText;
        this.chineseChars = from.chineseChars;
    }

    /** Reads a {@code tokenizer.json}; the stream is not closed. */
    public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
        JsonNode root = JSON.readTree(Objects.requireNonNull(tokenizerJson, "tokenizerJson"));
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json: model.type must be WordPiece, was '" + model.path("type").asText() + "'");
        }
        JsonNode normalizer = root.path("normalizer");
        if (!"BertNormalizer".equals(normalizer.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json: normalizer.type must be BertNormalizer, was '"
                    + normalizer.path("type").asText() + "'");
        }
        if (!"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json: pre_tokenizer.type must be BertPreTokenizer, was '"
                    + root.path("pre_tokenizer").path("type").asText() + "'");
        }
        Map<String, Integer> vocab = new HashMap<>();
        model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        if (vocab.isEmpty()) {
            throw new IllegalArgumentException("tokenizer.json: model.vocab is empty");
        }
        boolean lowercase = normalizer.path("lowercase").asBoolean(true);
        JsonNode strip = normalizer.path("strip_accents");
        boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase; // null follows lowercase, as in BERT
        JsonNode truncation = root.path("truncation");
        int maxLength = truncation.isObject() ? truncation.path("max_length").asInt(DEFAULT_MAX_LENGTH) : DEFAULT_MAX_LENGTH;
        return new WordPieceTokenizer(vocab, model.path("unk_token").asText("[UNK]"),
                model.path("continuing_subword_prefix").asText("##"), model.path("max_input_chars_per_word").asInt(100),
                maxLength, lowercase, stripAccents, normalizer.path("clean_text").asBoolean(true),
                normalizer.path("handle_chinese_chars").asBoolean(true));
    }

    /** The most ids {@link #encode} returns, {@code [CLS]} and {@code [SEP]} included. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The same tokenizer keeping at most {@code maxLength} ids, {@code [CLS]} and {@code [SEP]} included: the same ids
     * as this one for texts that fit, the first pieces of longer ones.
     *
     * @throws IllegalArgumentException when {@code maxLength} leaves no room for {@code [CLS]} and {@code [SEP]} or is
     *                                  beyond this tokenizer's own {@link #maxLength()} (the model's limit)
     */
    public WordPieceTokenizer truncatedTo(int maxLength) {
        if (maxLength < 2 || maxLength > this.maxLength) {
            throw new IllegalArgumentException("a tokenizer can keep between 2 and " + this.maxLength + " ids, asked for " + maxLength);
        }
        return new WordPieceTokenizer(this, maxLength);
    }

    /** Ids of {@code [CLS]}, the text's pieces (truncated to fit {@link #maxLength()}) and {@code [SEP]}. */
    public int[] encode(String text) {
        List<Integer> pieces = new ArrayList<>();
        int room = maxLength - 2;
        for (String word : words(normalise(text))) {
            if (pieces.size() >= room) {
                break;
            }
            appendPieces(word, pieces);
        }
        int kept = Math.min(room, pieces.size());
        int[] ids = new int[kept + 2];
        ids[0] = clsId;
        for (int i = 0; i < kept; i++) {
            ids[i + 1] = pieces.get(i);
        }
        ids[kept + 1] = sepId;
        return ids;
    }

    /** The text after the BERT normaliser. */
    String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (cleanText) {
                if (c == 0 || c == 0xFFFD || isControl(c)) {
                    return;
                }
                if (isWhitespace(c)) {
                    out.append(' ');
                    return;
                }
            }
            if (chineseChars && isChinese(c)) {
                out.append(' ').appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        String normalised = out.toString();
        if (stripAccents) {
            normalised = withoutAccents(normalised);
        }
        if (lowercase) {
            normalised = lowerCase(normalised);
        }
        return normalised;
    }

    /** The words of normalised text: split on white space, and each punctuation character alone. */
    static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalised.length()) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (isWhitespace(c)) {
                flush(word, words);
            } else if (isPunctuation(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    /** Appends the WordPiece ids of one word, or the unknown id when it cannot be cut into vocabulary pieces. */
    private void appendPieces(String word, List<Integer> into) {
        int codePoints = word.codePointCount(0, word.length());
        if (codePoints > maxCharsPerWord) {
            into.add(unknownId);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (end > start) {
                String piece = start == 0 ? word.substring(start, end) : continuation + word.substring(start, end);
                id = vocab.get(piece);
                if (id != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (id == null) {
                into.add(unknownId);
                return;
            }
            found.add(id);
            start = end;
        }
        into.addAll(found);
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer.json: the vocabulary has no " + token + " token");
        }
        return id;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String withoutAccents(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Full lower-case mapping of each code point on its own (no context rules such as a final sigma). */
    private static String lowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
            } else {
                out.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
        });
        return out.toString();
    }

    /** Unicode category C* (control, format, surrogate, private use, unassigned), except tab, LF and CR. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** The Unicode White_Space property (Rust's {@code char::is_whitespace}). */
    private static boolean isWhitespace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** ASCII punctuation (which includes symbols such as $, +, <, =, >, ^, `, |, ~) or Unicode category P*. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK ideograph blocks BERT surrounds with spaces. */
    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
