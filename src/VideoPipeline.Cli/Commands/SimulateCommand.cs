using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Media;
using VideoPipeline.Simulator;

namespace VideoPipeline.Cli.Commands;

/// <summary>
/// <c>simulate [--port N] [...]</c>: runs the provider simulator on loopback until stopped and prints each
/// provider's base URL, so a deployment can be load-tested with no keys and at no cost.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on (0 picks a free one).", DefaultValueFactory = _ => 8787 };
        var seed = new Option<int>("--seed") { Description = "Seeds outcome and latency draws so runs repeat.", DefaultValueFactory = _ => 1 };
        var minLatency = new Option<double>("--min-latency") { Description = "Shortest seconds from submit to a finished task.", DefaultValueFactory = _ => 2 };
        var maxLatency = new Option<double>("--max-latency") { Description = "Longest seconds from submit to a finished task.", DefaultValueFactory = _ => 8 };
        var failureRate = new Option<double>("--failure-rate") { Description = "Share of tasks that fail (0-1).", DefaultValueFactory = _ => 0.05 };
        var moderationRate = new Option<double>("--moderation-rate") { Description = "Share of tasks refused by moderation (0-1).", DefaultValueFactory = _ => 0.02 };
        var webhookUrl = new Option<Uri?>("--webhook-url") { Description = "Where Sora and Gemini static webhooks are posted (your deployment's /api/webhooks/{provider})." };
        var command = new Command("simulate", "Run the provider simulator on loopback and print its base URLs.")
        {
            port, seed, minLatency, maxLatency, failureRate, moderationRate, webhookUrl,
        };
        command.SetAction((parse, ct) => RunAsync(
            console,
            new SimulatorOptions { Port = parse.GetValue(port), Seed = parse.GetValue(seed) },
            TimeSpan.FromSeconds(parse.GetValue(minLatency)),
            TimeSpan.FromSeconds(parse.GetValue(maxLatency)),
            parse.GetValue(failureRate),
            parse.GetValue(moderationRate),
            parse.GetValue(webhookUrl),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, SimulatorOptions options, TimeSpan minLatency, TimeSpan maxLatency, double failureRate, double moderationRate, Uri? webhookUrl, CancellationToken ct)
    {
        var problems = Problems(options.Port, minLatency, maxLatency, failureRate, moderationRate);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                console.Error.MarkupLine($"[red]error[/] {Markup.Escape(problem)}");
            }

            return ExitCodes.InvalidInput;
        }

        ProviderSimulator simulator;
        try
        {
            simulator = await ProviderSimulator.StartAsync(options, cancellationToken: ct);
        }
        catch (FfmpegNotFoundException ex)
        {
            console.Error.MarkupLine($"[red]cannot start[/]: {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }
        catch (IOException ex)
        {
            console.Error.MarkupLine($"[red]cannot listen on port {options.Port}[/]: {Markup.Escape(ex.Message)}");
            return ExitCodes.Failure;
        }

        await using (simulator)
        {
            // Ctrl+C and SIGTERM (a service manager or container runtime) stop it; registered before anything says it listens.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            var table = new Table().AddColumn("provider").AddColumn("base URL (Providers:<Name>:BaseUrl)");
            foreach (var id in ProviderIds.All.Where(id => id != ProviderIds.Local))
            {
                var behavior = simulator.Behavior(id);
                behavior.LatencyMin = minLatency;
                behavior.LatencyMax = maxLatency;
                behavior.FailureRate = failureRate;
                behavior.ModerationRate = moderationRate;
                behavior.WebhookUrl = webhookUrl;
                table.AddRow(id, simulator.BaseUrlFor(id).ToString());
            }

            console.Out.MarkupLine($"[green]provider simulator[/] listening on {Markup.Escape(simulator.BaseUrl.ToString())}");
            console.Out.Write(table);
            console.Out.MarkupLine($"webhook signing secret (test only): {Markup.Escape(simulator.WebhookSecret)}");
            console.Out.MarkupLine($"Gemini per-request webhook JWKS: {Markup.Escape(simulator.GeminiJwksUrl.ToString())}");
            console.Out.MarkupLine($"fal webhook JWKS (Providers:Fal:WebhookJwksUrl): {Markup.Escape(simulator.FalJwksUrl.ToString())}, user id (Providers:Fal:WebhookUserId): {Markup.Escape(simulator.FalUserId)}");
            console.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"latency {minLatency.TotalSeconds:0.#}-{maxLatency.TotalSeconds:0.#} s, failure rate {failureRate:0.##}, moderation rate {moderationRate:0.##}"));
            console.Out.MarkupLine("Set [bold]AllowLoopbackForTesting=true[/] on each provider you point here. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped: dispose the simulator and exit 0.
            }

            console.Out.MarkupLine("provider simulator stopped");

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true; // we exit ourselves, after disposing
                stop.Cancel();
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Every impossible flag, each named with what it takes and what it got.</summary>
    private static List<string> Problems(int port, TimeSpan minLatency, TimeSpan maxLatency, double failureRate, double moderationRate)
    {
        var problems = new List<string>();
        void Require(bool ok, FormattableString problem)
        {
            if (!ok)
            {
                problems.Add(problem.ToString(CultureInfo.InvariantCulture));
            }
        }

        Require(port is >= 0 and <= 65535, $"--port must be 0 to 65535; got {port}");
        Require(minLatency >= TimeSpan.Zero, $"--min-latency must be at least 0 seconds; got {minLatency.TotalSeconds}");
        Require(maxLatency >= minLatency, $"--min-latency must not exceed --max-latency; got {minLatency.TotalSeconds} and {maxLatency.TotalSeconds} seconds");
        Require(failureRate is >= 0 and <= 1, $"--failure-rate must be 0 to 1; got {failureRate}");
        Require(moderationRate is >= 0 and <= 1, $"--moderation-rate must be 0 to 1; got {moderationRate}");
        if (problems.Count == 0)
        {
            Require(failureRate + moderationRate <= 1, $"--failure-rate and --moderation-rate must add up to at most 1; got {failureRate + moderationRate}");
        }
        return problems;
    }
}
