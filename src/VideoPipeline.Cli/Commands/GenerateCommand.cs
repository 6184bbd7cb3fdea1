using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using VideoPipeline.Cli.Hosting;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Durable.Azurite;
using VideoPipeline.Workflows.Jobs;
using VideoPipeline.Workflows.Services;
using VideoPipeline.Workflows.Shots;

namespace VideoPipeline.Cli.Commands;

/// <summary>
/// <c>generate BRIEF|--prompt TEXT [--out DIR] [--candidates N] [--providers LIST]</c>: runs a job in this process on
/// the local durable runtime, shows each shot's candidates as they progress, prints every winner and why it won, and
/// with <c>--out</c> writes <c>shot-NN.mp4</c> and <c>manifest.json</c>. The job id comes from the brief, so running the
/// same command again resumes the job instead of paying twice. Exit 0 only when every shot has a winner.
/// </summary>
public static class GenerateCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public static Command Create(CliConsole console, Func<IConfiguration> configuration)
    {
        var brief = new Argument<FileInfo?>("brief") { Description = "Path of the brief (JSON), or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var prompt = new Option<string?>("--prompt") { Description = "A one-shot brief from this prompt instead of a file." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write shot-NN.mp4 and manifest.json here." };
        var candidates = new Option<int?>("--candidates") { Description = $"Candidates per shot ({JobLimits.MinCandidatesPerShot}–{JobLimits.MaxCandidatesPerShot})." };
        var providers = new Option<string?>("--providers") { Description = "Comma-separated provider ids to route to (e.g. local,runway)." };
        var command = new Command("generate", "Run a brief end to end: candidates, scores and a winner per shot.") { brief, prompt, output, candidates, providers };
        command.SetAction((parse, ct) => RunAsync(
            console, configuration(), parse.GetValue(brief), parse.GetValue(prompt), parse.GetValue(output), parse.GetValue(candidates), parse.GetValue(providers), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, IConfiguration settings, FileInfo? file, string? prompt, DirectoryInfo? output, int? candidates, string? providers, CancellationToken ct)
    {
        var parsed = await ReadBriefAsync(file, prompt, candidates, providers, ct);
        if (!parsed.IsValid)
        {
            foreach (var problem in parsed.Problems)
            {
                console.Error.MarkupLine($"[red]{Markup.Escape(problem.Path)}[/]: {Markup.Escape(problem.Message)}");
            }

            return ExitCodes.InvalidInput;
        }

        PipelineHost host;
        console.Out.MarkupLine("starting storage and the durable runtime…");
        try
        {
            host = await PipelineHost.StartAsync(settings, ct);
        }
        catch (AzuriteUnavailableException ex)
        {
            console.Error.MarkupLine($"[red]cannot start local storage:[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            console.Error.MarkupLine($"[red]configuration:[/] {Markup.Escape(string.Join("; ", ex.Failures))}");
            return ExitCodes.InvalidInput;
        }

        await using (host)
        {
            var jobs = host.Services.GetRequiredService<JobService>();
            var start = await jobs.StartAsync(parsed.Job, idempotencyKey: null, ct);
            switch (start.Outcome)
            {
                case JobStartOutcome.Refused or JobStartOutcome.Conflict:
                    console.Error.MarkupLine($"[red]refused:[/] {Markup.Escape(start.Message ?? string.Empty)}");
                    return ExitCodes.InvalidInput;
                case JobStartOutcome.AlreadyExists:
                    console.Out.MarkupLine($"resuming [bold]{start.JobId}[/] ({Markup.Escape(start.Message ?? string.Empty)})");
                    break;
                default:
                    console.Out.MarkupLine($"started [bold]{start.JobId}[/]" + (start.EstimatedUsd is > 0 ? string.Create(CultureInfo.InvariantCulture, $", estimated {start.EstimatedUsd:0.00} USD") : string.Empty));
                    break;
            }

            var jobId = start.JobId!;
            JobStatusView? status;
            try
            {
                status = await FollowAsync(console, host.Services.GetRequiredService<JobStatusReader>(), jobId, ct);
            }
            catch (OperationCanceledException)
            {
                console.Out.MarkupLine($"[yellow]stopped.[/] Job {jobId} is kept: run the same command again to resume it.");
                return ExitCodes.Failure;
            }

            if (status?.Result is not { } result)
            {
                console.Error.MarkupLine($"[red]job {jobId} ended {status?.RuntimeStatus}:[/] {Markup.Escape(status?.Failure ?? "no result")}");
                return ExitCodes.Failure;
            }

            RenderResult(console.Out, result);
            if (output is not null)
            {
                await WriteOutputAsync(console.Out, host.Services.GetRequiredService<IClipStore>(), result, output, ct);
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        }
    }

    private static async Task<JobValidationResult> ReadBriefAsync(FileInfo? file, string? prompt, int? candidates, string? providers, CancellationToken ct)
    {
        JsonNode? brief;
        if (prompt is not null == (file is not null))
        {
            return JobValidationResult.Invalid([new ValidationProblem("$", "give a brief file or --prompt TEXT (one of the two)")]);
        }

        try
        {
            if (prompt is not null)
            {
                brief = new JsonObject { ["title"] = prompt.Length > 60 ? prompt[..60] : prompt, ["shots"] = new JsonArray(new JsonObject { ["prompt"] = prompt }) };
            }
            else
            {
                await using var stream = file!.Name == "-" ? Console.OpenStandardInput() : file.OpenRead();
                brief = await JsonNode.ParseAsync(stream, cancellationToken: ct);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return JobValidationResult.Invalid([new ValidationProblem("$", $"cannot read {file?.FullName}: {ex.Message}")]);
        }
        catch (JsonException)
        {
            // Let the contract's own parser describe where the JSON breaks.
            await using var again = file!.OpenRead();
            return await JobBrief.ParseAsync(again, ct);
        }

        if (brief is JsonObject root)
        {
            if (candidates is { } n)
            {
                root["candidatesPerShot"] = n;
            }

            if (providers is not null)
            {
                root["providerPolicy"] = new JsonObject { ["providers"] = new JsonArray([.. providers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (JsonNode)p)]) };
            }
        }

        return JobBrief.Parse(brief?.ToJsonString() ?? "null");
    }

    private static async Task<JobStatusView?> FollowAsync(CliConsole console, JobStatusReader reader, string jobId, CancellationToken ct)
    {
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var status = await reader.GetAsync(jobId, ct);
            if (status is not null)
            {
                foreach (var line in Lines(status))
                {
                    if (!shown.TryGetValue(line.Key, out var before) || before != line.Value)
                    {
                        shown[line.Key] = line.Value;
                        console.Out.MarkupLine(line.Value);
                    }
                }

                if (status.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                {
                    return status;
                }
            }

            await Task.Delay(Refresh, ct);
        }
    }

    /// <summary>One line per shot and per candidate, keyed so only changes are printed (works in a terminal and in a log).</summary>
    private static IEnumerable<KeyValuePair<string, string>> Lines(JobStatusView status)
    {
        if (status.Progress is { } progress)
        {
            yield return new("job", string.Create(CultureInfo.InvariantCulture, $"[bold]{progress.Stage}[/]: {progress.ShotsDone}/{progress.ShotsTotal} shots, {progress.CostUsd:0.00} USD"));
        }

        for (var index = 0; index < status.Shots.Count; index++)
        {
            if (status.Shots[index] is not { } shot)
            {
                continue;
            }

            foreach (var c in shot.Candidates)
            {
                var score = c.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" score {s:0.000}") : string.Empty;
                var reason = c.Reason is null ? string.Empty : $" — {Markup.Escape(c.Reason)}";
                yield return new($"{index}/{c.CandidateId}", $"  shot {index + 1} {c.CandidateId} [grey]{Markup.Escape(c.ProviderId)} {Markup.Escape(c.Model)}[/] {c.State}{score}{reason}");
            }

            if (shot.State == ShotState.AwaitingReview)
            {
                yield return new($"{index}/review", $"  shot {index + 1} awaits review (auto-approves at its timeout)");
            }
        }
    }

    private static void RenderResult(IAnsiConsole console, JobResult result)
    {
        var table = new Table().AddColumn("shot").AddColumn("winner").AddColumn("score").AddColumn("USD").AddColumn("note");
        foreach (var shot in result.Shots)
        {
            table.AddRow(
                (shot.ShotIndex + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(shot.Winner is null ? "none" : $"{shot.Winner} ({shot.WinnerProvider})"),
                shot.Score?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                shot.CostUsd.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(shot.Reason ?? $"{shot.Candidates} candidates, {shot.Failed} lost"));
        }

        console.Write(table);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Succeeded ? "[green]done[/]" : "[red]incomplete[/]")}: {result.GeneratedSeconds} s generated, {result.CostUsd:0.00} USD; manifest {Markup.Escape(result.ManifestBlobName ?? "-")}"));
        if (result.CallbackFailure is { } failure)
        {
            console.MarkupLine($"[yellow]callback failed:[/] {Markup.Escape(failure)}");
        }
    }

    private static async Task WriteOutputAsync(IAnsiConsole console, IClipStore clips, JobResult result, DirectoryInfo output, CancellationToken ct)
    {
        output.Create();
        foreach (var shot in result.Shots.Where(s => s.Winner is not null))
        {
            await using var winner = await clips.OpenWinnerAsync(result.JobId, shot.ShotIndex, ct)
                ?? throw new InvalidOperationException($"shot {shot.ShotIndex}'s winner blob is missing");
            var path = Path.Combine(output.FullName, $"shot-{shot.ShotIndex:D2}.mp4");
            await using var file = File.Create(path);
            await winner.CopyToAsync(file, ct);
            console.MarkupLine($"wrote {Markup.Escape(path)}");
        }

        await using (var manifest = await clips.OpenManifestAsync(result.JobId, ct) ?? throw new InvalidOperationException("the manifest blob is missing"))
        await using (var file = File.Create(Path.Combine(output.FullName, "manifest.json")))
        {
            await manifest.CopyToAsync(file, ct);
        }

        console.MarkupLine($"wrote {Markup.Escape(Path.Combine(output.FullName, "manifest.json"))}");
    }
}
