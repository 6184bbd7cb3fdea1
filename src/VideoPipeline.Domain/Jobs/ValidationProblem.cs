namespace VideoPipeline.Domain.Jobs;

/// <summary>One thing wrong with a brief: the JSON path of the field (e.g. <c>$.shots[2].durationSeconds</c>) and what is wrong with it.</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
