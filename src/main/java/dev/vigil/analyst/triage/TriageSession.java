package dev.vigil.analyst.triage;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One ONNX Runtime session over a triage model artifact, shared by every scorer: batches of feature vectors in,
 * probabilities out.
 *
 * <p>Guarantees: thread-safe (ONNX Runtime sessions allow concurrent {@code run}); refuses at construction an
 * artifact whose input or output is not the triage graph's, naming what it found; a batch of n vectors gives n
 * probabilities in order.
 */
public final class TriageSession implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int width;

    public TriageSession(byte[] artifact, int width) {
        this.width = width;
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(artifact, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("the triage model artifact is not a loadable ONNX model: " + e.getMessage(), e);
        }
        if (!session.getInputNames().contains(TriageModel.INPUT) || !session.getOutputNames().contains(TriageModel.OUTPUT)) {
            close();
            throw new IllegalArgumentException("the triage model must take '" + TriageModel.INPUT + "' and give '"
                    + TriageModel.OUTPUT + "'; this one takes " + session.getInputNames() + " and gives "
                    + session.getOutputNames());
        }
    }

    /** Probabilities for a batch of feature vectors. */
    public double[] score(float[][] batch) {
        if (batch.length == 0) {
            return new double[0];
        }
        FloatBuffer flat = FloatBuffer.allocate(batch.length * width);
        for (float[] row : batch) {
            if (row.length != width) {
                throw new IllegalArgumentException("expected " + width + " features, got " + row.length);
            }
            flat.put(row);
        }
        flat.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(env, flat, new long[] {batch.length, width});
             OrtSession.Result result = session.run(Map.of(TriageModel.INPUT, input))) {
            float[][] out = (float[][]) result.get(0).getValue();
            double[] p = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                p[i] = out[i][0];
            }
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("triage inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the triage session: " + e.getMessage(), e);
        }
    }
}
