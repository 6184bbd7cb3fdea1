using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VideoPipeline.Domain.Scoring;

namespace VideoPipeline.Scoring.Prompt;

/// <summary>
/// CLIPScore (Hessel et al. 2021): 2.5 · max(cos(image, text), 0) per frame, averaged over frames
/// spread across the clip. Works with any CLIP-style pair of ONNX encoders the operator configures:
/// the image encoder takes CLIP-normalised NCHW RGB, the text encoder token ids (and an attention
/// mask if it declares one); each returns one embedding, or per-token states of which the end
/// token's is used.
/// </summary>
public sealed class ClipPromptScorer : IPromptAdherenceScorer, IDisposable
{
    private const double Weight = 2.5;
    private static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] Std = [0.26862954f, 0.26130258f, 0.27577711f];

    private readonly ClipModelOptions _options;
    private readonly InferenceSession _image;
    private readonly InferenceSession _text;
    private readonly ClipTokenizer _tokenizer;

    public ClipPromptScorer(ClipModelOptions options)
    {
        _options = options;
        using var session = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        _image = new InferenceSession(options.ImageEncoderPath!, session);
        _text = new InferenceSession(options.TextEncoderPath!, session);
        _tokenizer = ClipTokenizer.Load(options.VocabPath!, options.MergesPath!);
    }

    public int FramesWanted => _options.Frames;

    public int FrameSize => _options.ImageSize;

    public MetricReading Score(string? prompt, IReadOnlyList<ReadOnlyMemory<byte>> rgbFrames)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return MetricReading.NotMeasured(MetricNames.PromptAdherence, "no prompt given");
        }

        if (rgbFrames.Count == 0)
        {
            return MetricReading.NotMeasured(MetricNames.PromptAdherence, "no frames were sampled");
        }

        var text = EncodeText(prompt);
        var scores = rgbFrames.Select(f => Weight * Math.Max(Cosine(EncodeImage(f.Span), text), 0)).ToList();
        return MetricReading.Measured(MetricNames.PromptAdherence, scores.Average(), string.Create(CultureInfo.InvariantCulture, $"CLIPScore over {scores.Count} frames"));
    }

    public void Dispose()
    {
        _image.Dispose();
        _text.Dispose();
    }

    private float[] EncodeImage(ReadOnlySpan<byte> rgb)
    {
        var side = _options.ImageSize;
        var tensor = new DenseTensor<float>([1, 3, side, side]);
        var buffer = tensor.Buffer.Span;
        for (var i = 0; i < side * side; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                buffer[(c * side * side) + i] = ((rgb[(i * 3) + c] / 255f) - Mean[c]) / Std[c];
            }
        }

        var input = _image.InputMetadata.First().Key;
        using var outputs = _image.Run([NamedOnnxValue.CreateFromTensor(input, tensor)]);
        return Embedding(outputs, "image_embeds", null);
    }

    private float[] EncodeText(string prompt)
    {
        var ids = _tokenizer.Encode(prompt, _options.ContextLength);
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, meta) in _text.InputMetadata)
        {
            var isMask = name.Contains("mask", StringComparison.OrdinalIgnoreCase);
            var values = isMask ? ids.Select(id => id == 0 ? 0L : 1L).ToArray() : ids;
            inputs.Add(meta.ElementType == typeof(int)
                ? NamedOnnxValue.CreateFromTensor(name, new DenseTensor<int>(values.Select(v => (int)v).ToArray(), [1, ids.Length]))
                : NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(values, [1, ids.Length])));
        }

        using var outputs = _text.Run(inputs);
        var endIndex = Array.IndexOf(ids, ids.Max());
        return Embedding(outputs, "text_embeds", endIndex);
    }

    private static float[] Embedding(IDisposableReadOnlyCollection<DisposableNamedOnnxValue> outputs, string preferred, int? tokenIndex)
    {
        var output = outputs.FirstOrDefault(o => o.Name == preferred) ?? outputs.First();
        var tensor = output.AsTensor<float>();
        var dims = tensor.Dimensions;
        if (dims.Length == 3 && tokenIndex is { } t)
        {
            var width = dims[2];
            return [.. Enumerable.Range(0, width).Select(d => tensor[0, t, d])];
        }

        return tensor.ToArray();
    }

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"the image and text encoders disagree on the embedding size: {a.Length} and {b.Length}");
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
