namespace VideoPipeline.Scoring;

/// <summary>
/// An operator-supplied CLIP-style image-text model as ONNX files plus its BPE tokenizer files
/// (<c>Scoring:Clip</c>). None of these can be fetched at run time: all four are set, or none.
/// </summary>
public sealed class ClipModelOptions
{
    /// <summary>Image encoder: float input [1, 3, size, size] (CLIP-normalised RGB), output [1, D].</summary>
    public string? ImageEncoderPath { get; set; }

    /// <summary>Text encoder: int64 token ids [1, context] (and optionally an attention mask), output [1, D].</summary>
    public string? TextEncoderPath { get; set; }

    /// <summary>The tokenizer's <c>vocab.json</c> (token → id).</summary>
    public string? VocabPath { get; set; }

    /// <summary>The tokenizer's <c>merges.txt</c> (BPE merges, best first).</summary>
    public string? MergesPath { get; set; }

    /// <summary>Frames sampled evenly across the clip and averaged.</summary>
    public int Frames { get; set; } = 8;

    /// <summary>Side of the square image the encoder takes.</summary>
    public int ImageSize { get; set; } = 224;

    /// <summary>Token context length of the text encoder.</summary>
    public int ContextLength { get; set; } = 77;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ImageEncoderPath) || !string.IsNullOrWhiteSpace(TextEncoderPath)
        || !string.IsNullOrWhiteSpace(VocabPath) || !string.IsNullOrWhiteSpace(MergesPath);
}
