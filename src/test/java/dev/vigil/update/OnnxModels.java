package dev.vigil.update;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Real ONNX model files for tests, written as the protobuf ONNX defines (no Python needed): a one-node graph
 * {@code y = op(x)} over a float vector of any length.
 */
public final class OnnxModels {

    private OnnxModels() {
    }

    /** {@code y = Relu(x)}: negative values become 0. */
    public static byte[] relu() {
        return unary("Relu");
    }

    public static byte[] unary(String op) {
        byte[] node = new Proto().string(1, "x").string(2, "y").string(3, "n").string(4, op).bytes();
        byte[] graph = new Proto().message(1, node).string(2, "g").message(11, valueInfo("x")).message(12, valueInfo("y")).bytes();
        byte[] opset = new Proto().string(1, "").varint(2, 13).bytes();
        return new Proto().varint(1, 8).string(2, "vigil-test").message(7, graph).message(8, opset).bytes();
    }

    private static byte[] valueInfo(String name) {
        byte[] dim = new Proto().string(2, "N").bytes();
        byte[] shape = new Proto().message(1, dim).bytes();
        byte[] tensor = new Proto().varint(1, 1).message(2, shape).bytes(); // elem_type FLOAT
        byte[] type = new Proto().message(1, tensor).bytes();
        return new Proto().string(1, name).message(2, type).bytes();
    }

    /** The few protobuf encodings a model needs. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return message(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, byte[] value) {
            raw(((long) field << 3) | 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
