using VideoPipeline.Domain.Scoring;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Scoring.Tests.Calibration;

/// <summary>
/// Renders the calibration set once (into one temp folder, two renders at a time) and measures every
/// clip once; the tests then rank any combination of the measurements, which costs nothing.
/// </summary>
public sealed class CalibrationFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("vp-calibration");

    public IReadOnlyList<CalibrationClip> Clips { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var jobs = DefectLadders.Sources.Keys.Select(s => (Id: $"{s}/clean", Source: s, Class: "clean", Rung: new Rung(Severity.Clean, "")))
            .Concat(DefectLadders.Classes.SelectMany(c => c.Sources.SelectMany((s, i) => c.Rungs(i).Select(r => (Id: $"{s}/{c.Name}/{r.Severity}", Source: s, Class: c.Name, Rung: r)))))
            .ToList();
        using var scorer = Scorers.Create();
        using var gate = new SemaphoreSlim(2);
        var request = new ScoringRequest(480, 270, DefectLadders.Seconds);
        var clips = await Task.WhenAll(jobs.Select(async (job, n) =>
        {
            await gate.WaitAsync();
            try
            {
                var file = _dir.File($"{n:000}.mp4");
                await TestClips.RenderAsync(file, DefectLadders.Graph(job.Source, job.Rung), job.Rung.Crf);
                return new CalibrationClip(job.Id, job.Source, job.Class, job.Rung.Severity, await scorer.MeasureAsync(job.Id, file, request, CancellationToken.None));
            }
            finally
            {
                gate.Release();
            }
        }));
        Clips = clips;
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    public IEnumerable<CalibrationClip> Clean => Clips.Where(c => c.Severity == Severity.Clean);

    public IEnumerable<CalibrationClip> Of(string defectClass) => Clips.Where(c => c.Class == defectClass);
}
