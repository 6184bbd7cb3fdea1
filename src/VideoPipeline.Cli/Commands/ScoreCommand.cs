using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;
using VideoPipeline.Domain.Scoring;
using VideoPipeline.Media;
using VideoPipeline.Scoring;
using VideoPipeline.Scoring.Prompt;

namespace VideoPipeline.Cli.Commands;

/// <summary>
/// <c>score FILE... [--expect WxH] [--duration S] [--prompt TEXT] [--json]</c>: ranks the files as one
/// shot's candidates. Exit 0 with a winner, 2 when the input is wrong or every file is disqualified.
/// Scoring and ffmpeg settings come from <c>Scoring__*</c> and <c>Ffmpeg__*</c> environment variables (README, Configuration).
/// </summary>
public static class ScoreCommand
{
    public static Command Create(CliConsole console, Func<IConfiguration> configuration)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "The candidate clips of one shot.", Arity = ArgumentArity.OneOrMore };
        var expect = new Option<string?>("--expect") { Description = "Required size, WIDTHxHEIGHT (e.g. 1920x1080); checks aspect and resolution." };
        var duration = new Option<double?>("--duration") { Description = "Required duration in seconds." };
        var prompt = new Option<string?>("--prompt") { Description = "The shot's prompt, for prompt adherence when a model is configured (Scoring__Clip__*)." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable ranking instead of a table." };
        var command = new Command("score", "Measure clips as one shot's candidates, rank them and explain the pick.") { files, expect, duration, prompt, json };
        command.SetAction((parse, ct) => RunAsync(
            console,
            configuration(),
            parse.GetRequiredValue(files),
            new Arguments(parse.GetValue(expect), parse.GetValue(duration), parse.GetValue(prompt), parse.GetValue(json)),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, IConfiguration configuration, FileInfo[] files, Arguments args, CancellationToken ct)
    {
        var problems = new List<string>();
        var (width, height) = ParseSize(args.Expect, problems);
        if (args.Duration is <= 0)
        {
            problems.Add($"--duration must be more than 0 seconds; got {args.Duration.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        problems.AddRange(files.Where(f => !f.Exists).Select(f => $"cannot read {f.FullName}: no such file"));
        problems.AddRange(files.GroupBy(f => f.FullName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} is listed more than once"));

        // No host here, so the settings are bound and checked by hand, by the validators a host registers: same rules, same messages.
        var options = new ScoringOptions();
        configuration.GetSection(ScoringOptions.SectionName).Bind(options);
        var ffmpegOptions = new FfmpegOptions();
        configuration.GetSection(FfmpegOptions.SectionName).Bind(ffmpegOptions);
        problems.AddRange(ScoringOptionsValidator.Problems(options));
        problems.AddRange(FfmpegOptionsValidator.Problems(ffmpegOptions));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                console.Error.MarkupLine($"[red]error[/] {Markup.Escape(problem)}");
            }

            return ExitCodes.InvalidInput;
        }

        FfmpegTools tools;
        try
        {
            tools = FfmpegTools.Locate(ffmpegOptions);
        }
        catch (FfmpegNotFoundException ex)
        {
            console.Error.MarkupLine($"[red]error[/] {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }

        var prompt = PromptScorers.Create(options.Clip);
        try
        {
            using var scorer = new CandidateScorer(tools, Options.Create(options), prompt);
            var shot = new ShotScorer(scorer, Options.Create(options));
            var ranking = await shot.ScoreAsync(
                [.. files.Select(f => new CandidateFile(f.FullName, f.FullName))],
                new ScoringRequest(width, height, args.Duration, args.Prompt),
                ct);

            if (args.Json)
            {
                var report = new ScoreReport([.. ranking.Ranking.Select(c => new ScoreReportEntry(
                    c.CandidateId, c.Rank, c.Score, c.Disqualified, c.Reasons, c.Defects ?? [], c.Metrics.ToDictionary(m => m.Name, StringComparer.Ordinal)))]);
                await console.RawOut.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Relaxed));
            }
            else
            {
                Render(console.Out, ranking);
            }

            return ranking.Winner is null ? ExitCodes.InvalidInput : ExitCodes.Ok;
        }
        finally
        {
            (prompt as IDisposable)?.Dispose();
        }
    }

    private static (int? Width, int? Height) ParseSize(string? text, List<string> problems)
    {
        if (text is null)
        {
            return (null, null);
        }

        var parts = text.Split('x', '×', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0)
        {
            return (w, h);
        }

        problems.Add($"--expect must be WIDTHxHEIGHT, e.g. 1920x1080; got '{text}'");
        return (null, null);
    }

    private static void Render(IAnsiConsole console, ShotRanking ranking)
    {
        var table = new Table().AddColumn("#").AddColumn("file").AddColumn("score").AddColumn("why");
        foreach (var c in ranking.Ranking)
        {
            table.AddRow(
                c.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Path.GetFileName(c.CandidateId)),
                c.Disqualified ? "[red]out[/]" : c.Score.ToString("0.000", CultureInfo.InvariantCulture),
                Markup.Escape(c.Disqualified ? string.Join("; ", c.Reasons) : Explain(c)));
        }

        console.Write(table);
        console.MarkupLine(ranking.Winner is { } w
            ? $"[green]pick[/] {Markup.Escape(w.CandidateId)}"
            : "[red]no pick[/]: every candidate is disqualified");
    }

    /// <summary>
    /// Every defect a viewer would notice, in viewer terms with its reading ("stutters: 6 effective fps"),
    /// then the preferences that set the candidate apart most, strongest first: value and relative score (0.5 = the shot's average).
    /// </summary>
    private static string Explain(CandidateScore candidate)
    {
        var defects = candidate.Defects ?? [];
        var telling = candidate.Metrics
            .Where(m => m is { Kind: MetricKind.Preference, Score: { } s, Weight: > 0 } && Math.Abs(s - 0.5) >= 0.05)
            .OrderByDescending(m => Math.Abs(m.Score!.Value - 0.5) * m.Weight)
            .Take(3)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{(m.Score > 0.5 ? "+" : "−")}{m.Name} {m.Value:0.###}"))
            .ToList();
        var notMeasured = candidate.Metrics.Count(m => m.Status == MetricStatus.NotMeasured);
        var text = defects.Count == 0 && telling.Count == 0 ? "on a par with the shot" : string.Join(", ", defects.Concat(telling));
        return notMeasured == 0 ? text : $"{text} ({notMeasured} not measured)";
    }

    private sealed record Arguments(string? Expect, double? Duration, string? Prompt, bool Json);
}
