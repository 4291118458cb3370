package dev.vigil.analyst.similar;

import java.nio.FloatBuffer;

/**
 * Sentence-transformers pooling of a token-embedding matrix into one sentence vector: the mean of the vectors of the
 * real tokens (attention mask 1; padding excluded), scaled to unit length. Pure.
 *
 * <p>Guarantees: the result has length {@code dims} and L2 norm 1 (a zero mean, which a real model does not produce,
 * stays zero rather than becoming NaN); padding positions never influence it, so a text's vector is the same alone
 * or in a padded batch.
 */
public final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * Pools row {@code row} of a {@code [batch, seqLen, dims]} tensor laid out row-major in {@code hidden}, whose
     * first {@code tokens} positions are real tokens and the rest padding.
     */
    public static float[] pool(FloatBuffer hidden, int row, int seqLen, int dims, int tokens) {
        if (tokens < 1 || tokens > seqLen) {
            throw new IllegalArgumentException("a row has between 1 and " + seqLen + " real tokens, was " + tokens);
        }
        double[] sum = new double[dims];
        int base = row * seqLen * dims;
        for (int t = 0; t < tokens; t++) {
            int offset = base + t * dims;
            for (int d = 0; d < dims; d++) {
                sum[d] += hidden.get(offset + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            sum[d] /= tokens;
            norm += sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[dims];
        for (int d = 0; d < dims; d++) {
            vector[d] = norm == 0 ? 0f : (float) (sum[d] / norm);
        }
        return vector;
    }

    /** The dot product of two vectors of the same length: their cosine when both have unit length. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length + " cannot be compared");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
