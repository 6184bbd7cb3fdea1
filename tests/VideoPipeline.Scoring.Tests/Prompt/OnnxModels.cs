namespace VideoPipeline.Scoring.Tests.Prompt;

/// <summary>
/// Tiny CLIP-shaped ONNX models written byte by byte (no Python onnx package is reachable here).
/// Field numbers are those of onnx.proto: ModelProto ir_version 1, graph 7, opset_import 8;
/// GraphProto node 1, name 2, initializer 5, input 11, output 12; NodeProto input 1, output 2,
/// op_type 4, attribute 5; AttributeProto name 1, i 3, ints 8, type 20; TensorProto dims 1,
/// data_type 2, name 8, raw_data 9; ValueInfoProto name 1, type 2; TypeProto tensor_type 1;
/// Tensor elem_type 1, shape 2; TensorShapeProto dim 1; Dimension dim_value 1.
/// </summary>
internal static class OnnxModels
{
    private const int Float = 1;
    private const int Int64 = 7;
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    /// <summary>Image encoder: the embedding is the mean of each normalised colour channel, [1, 3, s, s] → [1, 3].</summary>
    public static byte[] ChannelMeanImageEncoder(int size) => Model(
        new Protobuf()
            .Message(1, Node("ReduceMean", ["pixel_values"], ["image_embeds"], Ints("axes", 2, 3), Int("keepdims", 0)))
            .Text(2, "image")
            .Message(11, Value("pixel_values", Float, 1, 3, size, size))
            .Message(12, Value("image_embeds", Float, 1, 3)));

    /// <summary>Text encoder: each token id looks up a row of <paramref name="embeddings"/> (vocabulary × 3); the embedding is their mean.</summary>
    public static byte[] LookupTextEncoder(float[,] embeddings, int context) => Model(
        new Protobuf()
            .Message(1, Node("Gather", ["table", "input_ids"], ["tokens"]))
            .Message(1, Node("ReduceMean", ["tokens"], ["text_embeds"], Ints("axes", 1), Int("keepdims", 0)))
            .Text(2, "text")
            .Message(5, FloatTensor("table", embeddings))
            .Message(11, Value("input_ids", Int64, 1, context))
            .Message(12, Value("text_embeds", Float, 1, 3)));

    private static byte[] Model(Protobuf graph) =>
        new Protobuf()
            .Varint(1, 8)
            .Text(2, "VideoPipeline.Scoring.Tests")
            .Message(7, graph)
            .Message(8, new Protobuf().Text(1, "").Varint(2, 13))
            .ToArray();

    private static Protobuf Node(string op, string[] inputs, string[] outputs, params Protobuf[] attributes)
    {
        var node = new Protobuf();
        foreach (var input in inputs)
        {
            node.Text(1, input);
        }

        foreach (var output in outputs)
        {
            node.Text(2, output);
        }

        node.Text(4, op);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute);
        }

        return node;
    }

    private static Protobuf Ints(string name, params long[] values)
    {
        var attribute = new Protobuf().Text(1, name);
        foreach (var v in values)
        {
            attribute.Varint(8, v);
        }

        return attribute.Varint(20, AttributeInts);
    }

    private static Protobuf Int(string name, long value) => new Protobuf().Text(1, name).Varint(3, value).Varint(20, AttributeInt);

    private static Protobuf FloatTensor(string name, float[,] values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian");
        }

        return new Protobuf().Varint(1, values.GetLength(0)).Varint(1, values.GetLength(1)).Varint(2, Float).Text(8, name).Bytes(9, raw);
    }

    private static Protobuf Value(string name, int elementType, params long[] dims)
    {
        var shape = new Protobuf();
        foreach (var d in dims)
        {
            shape.Message(1, new Protobuf().Varint(1, d));
        }

        var tensor = new Protobuf().Varint(1, elementType).Message(2, shape);
        return new Protobuf().Text(1, name).Message(2, new Protobuf().Message(1, tensor));
    }
}
