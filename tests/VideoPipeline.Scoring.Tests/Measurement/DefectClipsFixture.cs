using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Measurement;

/// <summary>Renders the clean clip and one clip per defect once, then scores them as one shot.</summary>
public sealed class DefectClipsFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("vp-defects");

    public ShotRanking Ranking { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Files { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var files = TestClips.Defects.Keys.ToDictionary(name => name, name => _dir.File($"{name}.mp4"), StringComparer.Ordinal);
        foreach (var (name, source) in TestClips.Defects)
        {
            await TestClips.RenderAsync(files[name], source);
        }

        files["truncated"] = _dir.File("truncated.mp4");
        await TestClips.TruncateAsync(files["clean"], files["truncated"], keep: 0.5);
        files["square"] = _dir.File("square.mp4");
        await TestClips.RenderAsync(files["square"], TestClips.Source(width: TestClips.Height));
        Files = files;

        using var scorer = Scorers.Create();
        var shot = new ShotScorer(scorer, Options.Create(new ScoringOptions()));
        Ranking = await shot.ScoreAsync(
            [.. files.Select(f => new CandidateFile(f.Key, f.Value))],
            new ScoringRequest(TestClips.Width, TestClips.Height, TestClips.Seconds),
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    public CandidateScore Candidate(string name) => Ranking.Ranking.Single(c => c.CandidateId == name);
}
