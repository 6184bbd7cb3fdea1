namespace VideoPipeline.Domain.Jobs;

/// <summary>A validated brief with every default applied: what the workflows run on.</summary>
public sealed record JobSpec(
    string? ClientJobId,
    string Title,
    IReadOnlyList<ShotSpec> Shots,
    string AspectRatio,
    string Resolution,
    int CandidatesPerShot,
    ProviderPolicy ProviderPolicy,
    decimal? BudgetUsd,
    ReviewPolicy Review,
    Uri? CallbackUrl)
{
    /// <summary>Seconds of video generated if every candidate of every shot is produced once.</summary>
    public int GeneratedSeconds => Shots.Sum(s => s.DurationSeconds) * CandidatesPerShot;

    public int CandidateCount => Shots.Count * CandidatesPerShot;
}

/// <summary>One validated shot; <see cref="Index"/> is its zero-based position in the brief.</summary>
public sealed record ShotSpec(int Index, string Prompt, string? NegativePrompt, int DurationSeconds, Uri? ReferenceImageUrl);

/// <summary>Either a named policy (<see cref="Name"/> set, <see cref="Providers"/> empty) or an explicit provider list.</summary>
public sealed record ProviderPolicy(string? Name, IReadOnlyList<string> Providers)
{
    public static ProviderPolicy Named(string name) => new(name, []);

    public override string ToString() => Name ?? string.Join(", ", Providers);
}

public sealed record ReviewPolicy(string Mode, int TimeoutMinutes)
{
    public static ReviewPolicy Auto { get; } = new(ReviewModes.Auto, JobLimits.DefaultReviewTimeoutMinutes);

    public bool IsHuman => Mode == ReviewModes.Human;
}
