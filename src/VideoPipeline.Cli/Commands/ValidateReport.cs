using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Cli.Commands;

/// <summary>What <c>validate --json</c> prints: the verdict, every problem, and the plan when valid.</summary>
public sealed record ValidateReport(bool Valid, string File, IReadOnlyList<ValidationProblem> Problems, ValidatePlan? Plan);

public sealed record ValidatePlan(JobSpec Job, int Width, int Height, int CandidateCount, int GeneratedSeconds);
