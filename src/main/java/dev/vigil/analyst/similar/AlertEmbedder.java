package dev.vigil.analyst.similar;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text embeddings with a BERT-style sentence model on ONNX Runtime: tokenised by a {@link WordPieceTokenizer}, run
 * with {@code input_ids}, {@code attention_mask} and, when the model has it, {@code token_type_ids}, the
 * {@code last_hidden_state} mean-pooled over the tokens and scaled to unit length ({@link MeanPooling}).
 *
 * <p>Each text is run alone, never padded into a batch with others: the shipped model is dynamically quantised, so
 * the quantisation scale of each layer is computed over the whole input tensor, and a text run in a batch came out
 * at cosine 0.96 to itself run alone, and even in a batch of texts of exactly its token count (no padding) at 0.989
 * at worst. Running texts alone keeps a text's vector a function of the text only, so the
 * vector indexed when an alert was raised is the vector computed for it later. Throughput comes from calling from
 * several threads instead.
 *
 * <p>Guarantees: one ONNX Runtime session, opened at construction and shared: {@link #embed} and {@link #embedAll}
 * may be called from any number of threads at once; every vector has {@link #dimensions()} values and unit length,
 * so the dot product of two is their cosine; the same text always gets the same vector, whatever else is embedded
 * alongside. A model without the expected inputs or output is refused at construction, naming what is missing.
 */
public final class AlertEmbedder implements AutoCloseable {

    /**
     * Tokens of an alert text the shipped embedder keeps, {@code [CLS]} and {@code [SEP]} included (the model takes
     * 128). The cost of a text is roughly linear in its tokens; the first 64 of an {@link AlertText} hold its title,
     * rule, level, tags and the start of what matched, and only long command lines are cut.
     */
    public static final int ALERT_TOKENS = 64;

    private static final String OUTPUT = "last_hidden_state";

    private final WordPieceTokenizer tokenizer;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean tokenTypes;
    private final int dimensions;

    /**
     * Opens a session on the model bytes.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one inference (1 leaves the other cores to ingest)
     */
    public AlertEmbedder(WordPieceTokenizer tokenizer, byte[] model, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        this.tokenizer = tokenizer;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model: " + e.getMessage(), e);
        }
        try {
            Set<String> inputs = session.getInputNames();
            for (String required : List.of("input_ids", "attention_mask")) {
                if (!inputs.contains(required)) {
                    throw new IllegalStateException("the embedding model has no input '" + required + "'; it has " + inputs);
                }
            }
            this.tokenTypes = inputs.contains("token_type_ids");
            NodeInfo output = session.getOutputInfo().get(OUTPUT);
            if (output == null || !(output.getInfo() instanceof TensorInfo info) || info.getShape().length != 3) {
                throw new IllegalStateException("the embedding model has no [batch, tokens, dims] output '" + OUTPUT
                        + "'; it has " + session.getOutputNames());
            }
            this.dimensions = (int) info.getShape()[2];
            if (dimensions < 1) {
                throw new IllegalStateException("the embedding model's '" + OUTPUT + "' has no fixed width: " + info);
            }
        } catch (OrtException | RuntimeException e) {
            closeQuietly();
            throw e instanceof OrtException ? new IllegalStateException(e.getMessage(), e) : (RuntimeException) e;
        }
    }

    /**
     * The embedder of the shipped all-MiniLM-L6-v2 model ({@link MiniLm}), keeping the first {@value #ALERT_TOKENS}
     * tokens of a text.
     */
    public static AlertEmbedder miniLm(int intraOpThreads) {
        return new AlertEmbedder(MiniLm.tokenizer().truncatedTo(ALERT_TOKENS), MiniLm.model(), intraOpThreads);
    }

    /** Length of every vector. */
    public int dimensions() {
        return dimensions;
    }

    /** The tokenizer this embedder uses. */
    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The unit-length embedding of one text. */
    public float[] embed(String text) {
        return run(List.of(tokenizer.encode(text))).getFirst();
    }

    /** The unit-length embeddings of the texts, in order, each computed alone (see the class comment). */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    /**
     * The embeddings of the texts run as one padded batch: faster per text, but each vector depends slightly on the
     * others in the batch (see the class comment). For measurements only.
     */
    List<float[]> embedBatch(List<String> texts) {
        return run(texts.stream().map(tokenizer::encode).toList());
    }

    private List<float[]> run(List<int[]> ids) {
        int rows = ids.size();
        int seqLen = ids.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] inputIds = new long[rows * seqLen];
        long[] mask = new long[rows * seqLen];
        for (int r = 0; r < rows; r++) {
            int[] row = ids.get(r);
            for (int t = 0; t < row.length; t++) {
                inputIds[r * seqLen + t] = row[t];
                mask[r * seqLen + t] = 1;
            }
        }
        long[] shape = {rows, seqLen};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (tokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * seqLen]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(OUTPUT))) {
                OnnxValue value = result.get(OUTPUT).orElseThrow();
                FloatBuffer hidden = ((OnnxTensor) value).getFloatBuffer();
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    vectors.add(MeanPooling.pool(hidden, r, seqLen, dimensions, ids.get(r).length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding inference failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing more can be done for a session that cannot close
        }
    }
}
