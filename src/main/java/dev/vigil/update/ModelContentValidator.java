package dev.vigil.update;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.update.tuf.TargetFile;
import dev.vigil.update.tuf.TargetType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ONNX models: each {@code models/<name>/manifest.json} names its model file, which ONNX Runtime must open; when the
 * manifest declares a smoke evaluation ({@code smoke.inputs} as float tensors, {@code smoke.expected} outputs and a
 * {@code tolerance}), the model is run on it and every output must match within the tolerance. Every {@code .onnx}
 * file must belong to a manifest. Problems name the file.
 */
@Singleton
public class ModelContentValidator implements ContentValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public TargetType type() {
        return TargetType.MODELS;
    }

    @Override
    public List<ContentProblem> validate(Path contentRoot, List<TargetFile> files) {
        List<ContentProblem> problems = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (TargetFile f : files) {
            if (f.name().endsWith("/manifest.json")) {
                String folder = f.name().substring(0, f.name().length() - "manifest.json".length());
                problems.addAll(checkModel(contentRoot, f.name(), folder, claimed));
            }
        }
        for (TargetFile f : files) {
            if (f.name().endsWith(".onnx") && !claimed.contains(f.name())) {
                problems.add(new ContentProblem(f.name(), 0, "no manifest.json in its folder names this model"));
            }
        }
        return problems;
    }

    private static List<ContentProblem> checkModel(Path root, String manifestName, String folder, Set<String> claimed) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(root.resolve(manifestName).toFile());
        } catch (IOException e) {
            return List.of(new ContentProblem(manifestName, 0, "not JSON: " + e.getMessage()));
        }
        String file = manifest.path("file").asText();
        if (file.isEmpty() || file.contains("/") || !file.endsWith(".onnx")) {
            return List.of(new ContentProblem(manifestName, 0, "'file' must name an .onnx file in the same folder"));
        }
        String modelName = folder + file;
        claimed.add(modelName);
        if (!manifest.path("version").isValueNode() || manifest.path("version").asText().isBlank()) {
            return List.of(new ContentProblem(manifestName, 0, "a model manifest needs a version"));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(root.resolve(modelName).toString(), options)) {
            if (manifest.has("smoke")) {
                return smoke(env, session, manifest.get("smoke"), modelName);
            }
            return List.of();
        } catch (OrtException e) {
            return List.of(new ContentProblem(modelName, 0, "ONNX Runtime cannot load it: " + e.getMessage()));
        } catch (RuntimeException e) {
            return List.of(new ContentProblem(manifestName, 0, "smoke evaluation is malformed: " + e.getMessage()));
        }
    }

    private static List<ContentProblem> smoke(OrtEnvironment env, OrtSession session, JsonNode smoke, String model)
            throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            Iterator<Map.Entry<String, JsonNode>> it = smoke.path("inputs").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> in = it.next();
                long[] shape = longs(in.getValue().path("shape"));
                float[] values = floats(in.getValue().path("values"));
                inputs.put(in.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape));
            }
            double tolerance = smoke.path("tolerance").asDouble(1e-5);
            try (OrtSession.Result result = session.run(inputs)) {
                Iterator<Map.Entry<String, JsonNode>> expected = smoke.path("expected").fields();
                while (expected.hasNext()) {
                    Map.Entry<String, JsonNode> want = expected.next();
                    OnnxValue value = result.get(want.getKey()).orElse(null);
                    if (!(value instanceof OnnxTensor tensor)) {
                        return List.of(new ContentProblem(model, 0, "smoke evaluation: no tensor output '" + want.getKey() + "'"));
                    }
                    float[] got = new float[(int) tensor.getInfo().getNumElements()];
                    tensor.getFloatBuffer().get(got);
                    float[] w = floats(want.getValue());
                    if (got.length != w.length) {
                        return List.of(new ContentProblem(model, 0, "smoke evaluation: output '" + want.getKey() + "' has "
                                + got.length + " values, expected " + w.length));
                    }
                    for (int i = 0; i < w.length; i++) {
                        if (!(Math.abs(got[i] - w[i]) <= tolerance)) {
                            return List.of(new ContentProblem(model, 0, "smoke evaluation: output '" + want.getKey() + "'["
                                    + i + "] is " + got[i] + ", expected " + w[i] + " ± " + tolerance));
                        }
                    }
                }
            }
            return List.of();
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("tensor values must be an array of numbers");
        }
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
