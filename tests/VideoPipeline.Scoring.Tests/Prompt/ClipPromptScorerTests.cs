using System.Text.Json;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Scoring.Prompt;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Prompt;

/// <summary>
/// The CLIPScore plumbing end to end with fixture encoders: tokenizer files, both ONNX sessions,
/// frame extraction from the same ffmpeg pass, CLIP normalisation, cosine and 2.5·max(cos, 0).
/// The fixture's "image embedding" is the mean normalised colour and its word embeddings point at
/// red and blue, so a red clip must match "red" and not "blue" — a broken link anywhere breaks that.
/// </summary>
public sealed class ClipPromptScorerTests : IDisposable
{
    private const int Size = 32;
    private const int Context = 8;
    private readonly TempDirectory _dir = new("vp-clip");

    public void Dispose() => _dir.Dispose();

    private ClipModelOptions WriteModel()
    {
        // Vocabulary: special tokens, single letters (BPE starts there) and the merged words.
        var vocab = new Dictionary<string, int> { ["<|startoftext|>"] = 1, ["<|endoftext|>"] = 2, ["red</w>"] = 3, ["blue</w>"] = 4 };
        foreach (var c in "abcdefghijklmnopqrstuvwxyz")
        {
            vocab.TryAdd(c.ToString(), vocab.Count + 1);
            vocab.TryAdd($"{c}</w>", vocab.Count + 1);
        }

        string[] merges = ["#version: 0.2", "r e", "re d</w>", "b l", "bl u", "blu e</w>"];
        vocab["re"] = vocab.Count + 1;
        vocab["bl"] = vocab.Count + 1;
        vocab["blu"] = vocab.Count + 1;

        var table = new float[vocab.Values.Max() + 1, 3];
        (table[3, 0], table[3, 1], table[3, 2]) = (1, -0.5f, -0.5f); // "red": more red than the rest
        (table[4, 0], table[4, 1], table[4, 2]) = (-0.5f, -0.5f, 1); // "blue"

        var options = new ClipModelOptions
        {
            ImageEncoderPath = _dir.File("image.onnx"),
            TextEncoderPath = _dir.File("text.onnx"),
            VocabPath = _dir.File("vocab.json"),
            MergesPath = _dir.File("merges.txt"),
            ImageSize = Size,
            ContextLength = Context,
            Frames = 4,
        };
        File.WriteAllBytes(options.ImageEncoderPath, OnnxModels.ChannelMeanImageEncoder(Size));
        File.WriteAllBytes(options.TextEncoderPath, OnnxModels.LookupTextEncoder(table, Context));
        File.WriteAllText(options.VocabPath, JsonSerializer.Serialize(vocab));
        File.WriteAllLines(options.MergesPath, merges);
        return options;
    }

    private static ReadOnlyMemory<byte> Solid(byte r, byte g, byte b) =>
        Enumerable.Range(0, Size * Size).SelectMany(_ => new[] { r, g, b }).ToArray();

    [Fact]
    public void The_tokenizer_merges_words_and_wraps_them_in_start_and_end_tokens()
    {
        var options = WriteModel();
        var tokenizer = ClipTokenizer.Load(options.VocabPath!, options.MergesPath!);

        Assert.Equal([1, 3, 4, 2, 0, 0, 0, 0], tokenizer.Encode("  Red   BLUE ", Context));
        Assert.Equal([1, 3, 3, 3, 3, 3, 3, 2], tokenizer.Encode("red red red red red red red red red", Context));
    }

    [Fact]
    public void Frames_match_the_prompt_that_names_their_colour()
    {
        using var scorer = new ClipPromptScorer(WriteModel());
        var red = new[] { Solid(230, 20, 20) };

        var redScore = scorer.Score("red", red);
        var blueScore = scorer.Score("blue", red);

        Assert.Equal(MetricStatus.Measured, redScore.Status);
        Assert.InRange(redScore.Value!.Value, 0.5, 2.5);
        Assert.Equal(0, blueScore.Value); // negative cosine is clipped to 0, as CLIPScore does
    }

    [Fact]
    public void Without_a_prompt_adherence_is_not_measured()
    {
        using var scorer = new ClipPromptScorer(WriteModel());

        Assert.Equal(MetricStatus.NotMeasured, scorer.Score(null, [Solid(1, 2, 3)]).Status);
    }

    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task A_clip_of_the_prompted_colour_wins_on_prompt_adherence()
    {
        using var prompt = new ClipPromptScorer(WriteModel());
        using var scorer = Scorers.Create(prompt: prompt);
        await TestClips.RenderAsync(_dir.File("red.mp4"), "color=c=0xE01010:s=320x180:r=24:d=1,noise=alls=20:allf=t");
        await TestClips.RenderAsync(_dir.File("blue.mp4"), "color=c=0x1010E0:s=320x180:r=24:d=1,noise=alls=20:allf=t");
        var request = new ScoringRequest(Prompt: "red");

        var measurements = new[]
        {
            await scorer.MeasureAsync("red", _dir.File("red.mp4"), request, CancellationToken.None),
            await scorer.MeasureAsync("blue", _dir.File("blue.mp4"), request, CancellationToken.None),
        };
        var ranking = ShotRanker.Rank(measurements, RankingPolicy.Default);

        var red = ranking.Ranking.Single(c => c.CandidateId == "red").Metrics.Single(m => m.Name == MetricNames.PromptAdherence);
        var blue = ranking.Ranking.Single(c => c.CandidateId == "blue").Metrics.Single(m => m.Name == MetricNames.PromptAdherence);
        Assert.Contains("4 frames", red.Note, StringComparison.Ordinal);
        Assert.True(red.Value > blue.Value, $"red {red.Value}, blue {blue.Value}");
        Assert.True(red.Score > blue.Score);
        Assert.True(red.Weight > 0);
    }
}
