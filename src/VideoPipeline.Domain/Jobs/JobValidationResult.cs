using System.Diagnostics.CodeAnalysis;

namespace VideoPipeline.Domain.Jobs;

/// <summary>Either a runnable <see cref="JobSpec"/> or every problem found, never both.</summary>
public sealed record JobValidationResult(JobSpec? Job, IReadOnlyList<ValidationProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Job))]
    public bool IsValid => Job is not null;

    public static JobValidationResult Invalid(IReadOnlyList<ValidationProblem> problems) => new(null, problems);
}
