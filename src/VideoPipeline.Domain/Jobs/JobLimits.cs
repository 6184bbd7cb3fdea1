namespace VideoPipeline.Domain.Jobs;

/// <summary>Every bound the job contract enforces, in one place.</summary>
public static class JobLimits
{
    public const int MinShots = 1;
    public const int MaxShots = 50;

    public const int MinCandidatesPerShot = 3;
    public const int MaxCandidatesPerShot = 5;
    public const int DefaultCandidatesPerShot = 3;

    /// <summary>Providers generate clips of a few seconds; longer shots are cut into several.</summary>
    public const int MinShotDurationSeconds = 1;
    public const int MaxShotDurationSeconds = 20;
    public const int DefaultShotDurationSeconds = 5;

    public const int MaxTitleLength = 200;
    public const int MaxPromptLength = 2000;
    public const int MaxNegativePromptLength = 1000;
    public const int MaxUrlLength = 2048;

    /// <summary>A client job id becomes the orchestration instance id and part of blob names.</summary>
    public const int MaxClientJobIdLength = 64;

    public const decimal MaxBudgetUsd = 10_000m;

    public const int MinReviewTimeoutMinutes = 1;
    public const int MaxReviewTimeoutMinutes = 7 * 24 * 60;
    public const int DefaultReviewTimeoutMinutes = 60;

    public const int MaxExplicitProviders = 6;
}
