using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using VideoPipeline.Domain.Jobs;

namespace VideoPipeline.Cli.Commands;

/// <summary><c>validate BRIEF [--json]</c>: exit 0 with the plan, or exit 2 with every problem and its JSON path.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var brief = new Argument<FileInfo>("brief") { Description = "Path of the brief (JSON), or - for standard input." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable report instead of tables." };
        var command = new Command("validate", "Check a brief against the job contract and show what would run.") { brief, json };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetRequiredValue(brief), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo file, bool asJson, CancellationToken ct)
    {
        JobValidationResult result;
        var name = file.Name == "-" ? "<stdin>" : file.FullName;
        try
        {
            await using var stream = file.Name == "-" ? Console.OpenStandardInput() : file.OpenRead();
            result = await JobBrief.ParseAsync(stream, ct);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            result = JobValidationResult.Invalid([new ValidationProblem("$", $"cannot read {name}: {Unreadable(ex)}")]);
        }

        var plan = result.IsValid ? PlanOf(result.Job) : null;
        if (asJson)
        {
            var report = new ValidateReport(result.IsValid, name, result.Problems, plan);
            await console.RawOut.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Relaxed));
        }
        else if (plan is not null)
        {
            RenderPlan(console.Out, plan);
        }
        else
        {
            RenderProblems(console.Error, name, result.Problems);
        }

        return result.IsValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private static ValidatePlan PlanOf(JobSpec job)
    {
        var (width, height) = Resolutions.Dimensions(job.Resolution, job.AspectRatio);
        return new ValidatePlan(job, width, height, job.CandidateCount, job.GeneratedSeconds);
    }

    private static void RenderPlan(IAnsiConsole console, ValidatePlan plan)
    {
        var job = plan.Job;
        console.MarkupLine($"[green]valid[/] [bold]{Markup.Escape(job.Title)}[/]");

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("client job id", Markup.Escape(job.ClientJobId ?? "(assigned at submission)"));
        summary.AddRow("output", $"{job.AspectRatio} {job.Resolution} ({plan.Width}×{plan.Height})");
        summary.AddRow("candidates", $"{job.CandidatesPerShot} per shot, {plan.CandidateCount} in all");
        summary.AddRow("providers", Markup.Escape(job.ProviderPolicy.Name is { } n ? $"policy '{n}'" : job.ProviderPolicy.ToString()));
        summary.AddRow("budget", job.BudgetUsd is { } b ? b.ToString("'$'0.00", CultureInfo.InvariantCulture) : "no cap");
        summary.AddRow("review", job.Review.IsHuman ? $"human, auto-approve after {job.Review.TimeoutMinutes} min" : "auto");
        summary.AddRow("callback", Markup.Escape(job.CallbackUrl?.GetLeftPart(UriPartial.Path) ?? "none"));
        summary.AddRow("generated video", $"{plan.GeneratedSeconds} s across all candidates");
        console.Write(summary);

        var shots = new Table().AddColumn("#").AddColumn("seconds").AddColumn("prompt").AddColumn("reference");
        foreach (var shot in job.Shots)
        {
            shots.AddRow(
                (shot.Index + 1).ToString(CultureInfo.InvariantCulture),
                shot.DurationSeconds.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(shot.Prompt, 70)),
                shot.ReferenceImageUrl is null ? "-" : "image");
        }

        console.Write(shots);
    }

    private static void RenderProblems(IAnsiConsole console, string file, IReadOnlyList<ValidationProblem> problems)
    {
        console.MarkupLine($"[red]invalid[/] {Markup.Escape(file)}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
        foreach (var problem in problems)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(problem.Path)}[/] {Markup.Escape(problem.Message)}");
        }
    }

    /// <summary>Why the brief cannot be read, in our words where we know the case (the same as <c>score</c>'s).</summary>
    private static string Unreadable(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };

    private static string Shorten(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1), "…");
    }
}
