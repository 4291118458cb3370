package dev.vigil.analyst.triage;

import ai.onnx.proto.OnnxMl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained triage model: standardisation followed by logistic regression, scored in Java and exportable to ONNX.
 * Pure: no I/O.
 *
 * <p>Guarantees: {@link #score} computes exactly the graph {@link #toOnnx} writes ({@code Sigmoid(((x - mean) * scale)
 * · weights + bias)}) in single precision, so ONNX Runtime agrees within float rounding; {@link #explain} splits the
 * logit into per-feature contributions {@code weight_i * z_i} that sum, with the bias, to it.
 */
public record TriageModel(FeatureSchema schema, float[] mean, float[] scale, float[] weights, float bias) {

    /** The ONNX graph's input and output names. */
    public static final String INPUT = "features";
    public static final String OUTPUT = "probability";

    public TriageModel {
        int n = schema.size();
        if (mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("a triage model needs " + n + " means, scales and weights");
        }
        mean = mean.clone();
        scale = scale.clone();
        weights = weights.clone();
    }

    /** The probability that the alert with these features is a true positive. */
    public double score(float[] x) {
        return sigmoid(logit(x));
    }

    float logit(float[] x) {
        check(x);
        float sum = 0f;
        for (int i = 0; i < x.length; i++) {
            sum += ((x[i] - mean[i]) * scale[i]) * weights[i];
        }
        return sum + bias;
    }

    /** Per-feature contributions to the logit, largest in magnitude first. */
    public List<Contribution> explain(float[] x) {
        check(x);
        List<Contribution> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            out.add(new Contribution(schema.names().get(i), x[i], ((x[i] - mean[i]) * scale[i]) * weights[i]));
        }
        out.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())));
        return List.copyOf(out);
    }

    /** One feature's part in a score: positive pushes towards true positive. */
    public record Contribution(String feature, float value, float effect) {
    }

    /** The model as an ONNX ModelProto (opset 13): input {@code features} [N, F], output {@code probability} [N, 1]. */
    public byte[] toOnnx(String modelVersion) {
        int n = schema.size();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
                .setName("vigil-triage")
                .addInput(valueInfo(INPUT, n))
                .addOutput(valueInfo(OUTPUT, 1))
                .addInitializer(tensor("mean", mean, n))
                .addInitializer(tensor("scale", scale, n))
                .addInitializer(tensor("weights", weights, n, 1))
                .addInitializer(tensor("bias", new float[] {bias}, 1))
                .addNode(node("Sub", "center", List.of(INPUT, "mean"), "centered"))
                .addNode(node("Mul", "standardise", List.of("centered", "scale"), "z"))
                .addNode(node("MatMul", "weigh", List.of("z", "weights"), "weighed"))
                .addNode(node("Add", "shift", List.of("weighed", "bias"), "logit"))
                .addNode(node("Sigmoid", "squash", List.of("logit"), OUTPUT))
                .build();
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("vigil")
                .setProducerVersion(modelVersion)
                .setDomain("dev.vigil")
                .setModelVersion(1)
                .setDocString("Vigil triage model " + modelVersion + ", feature schema " + schema.hash())
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey("feature_schema_hash").setValue(schema.hash()))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    /**
     * Reads the parameters back from an artifact {@link #toOnnx} wrote, so explanations use exactly the weights ONNX
     * Runtime scores with. Anything else is refused with the reason.
     */
    public static TriageModel fromOnnx(byte[] artifact, FeatureSchema schema) {
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(artifact);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        java.util.Map<String, float[]> init = new java.util.HashMap<>();
        for (OnnxMl.TensorProto t : proto.getGraph().getInitializerList()) {
            float[] v = new float[t.getFloatDataCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = t.getFloatData(i);
            }
            init.put(t.getName(), v);
        }
        for (String name : List.of("mean", "scale", "weights", "bias")) {
            if (!init.containsKey(name)) {
                throw new IllegalArgumentException("not a Vigil triage graph: no initializer '" + name + "'");
            }
        }
        if (init.get("bias").length != 1) {
            throw new IllegalArgumentException("not a Vigil triage graph: the bias is not one value");
        }
        return new TriageModel(schema, init.get("mean"), init.get("scale"), init.get("weights"), init.get("bias")[0]);
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int width) {
        OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    private static OnnxMl.TensorProto tensor(String name, float[] values, long... dims) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        return t.build();
    }

    private static OnnxMl.NodeProto node(String op, String name, List<String> inputs, String output) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output).build();
    }

    private void check(float[] x) {
        if (x.length != schema.size()) {
            throw new IllegalArgumentException("expected " + schema.size() + " features, got " + x.length);
        }
    }

    private static double sigmoid(float logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}
