using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using VideoPipeline.Domain.Catalog;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Providers;

namespace VideoPipeline.Cli.Commands;

/// <summary>
/// <c>providers [--json]</c>: the model catalogue (lifecycle, what each model makes, how it bills and calls back)
/// and which providers are configured here. Settings come from <c>Providers__*</c> environment variables.
/// Exit 0, or 2 when a provider setting is malformed (each problem named by its setting).
/// </summary>
public static class ProvidersCommand
{
    public static Command Create(CliConsole console, Func<IConfiguration> configuration, TimeProvider time)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalogue as JSON instead of tables." };
        var command = new Command("providers", "Show the model catalogue and which providers are configured.") { json };
        command.SetAction((parse, _) => RunAsync(console, configuration(), time, parse.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, IConfiguration configuration, TimeProvider time, bool asJson)
    {
        IReadOnlyDictionary<string, bool> configured;
        try
        {
            configured = ConfiguredProviders(configuration);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                console.Error.MarkupLine($"[red]invalid setting[/] {Markup.Escape(failure)}");
            }

            return ExitCodes.InvalidInput;
        }

        var now = time.GetUtcNow();
        var report = new ProvidersReport(
            [.. ProviderIds.All.Select(id => new ProviderReport(
                id, configured.GetValueOrDefault(id), ProviderIds.Retired.Contains(id),
                [.. ModelCatalog.Of(id).Select(e => ModelReport.Of(e, now))]))]);
        if (asJson)
        {
            await console.RawOut.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Relaxed));
        }
        else
        {
            await RenderAsync(console.RawOut, report);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Registers the adapters as a host would and asks each whether it has credentials; bad settings throw here, named.</summary>
    private static Dictionary<string, bool> ConfiguredProviders(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddVideoProviders(configuration);
        using var provider = services.BuildServiceProvider();
        var adapters = provider.GetRequiredService<ProviderCatalog>();
        return ProviderIds.All.ToDictionary(id => id, id => adapters.TryGet(id)?.IsConfigured ?? false, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// One line per model under a heading per provider, as plain text: a table 80 columns wide (what Spectre assumes
    /// when output is not a terminal) wraps every cell of a catalogue this wide into unreadable slivers.
    /// </summary>
    private static async Task RenderAsync(TextWriter output, ProvidersReport report)
    {
        var width = report.Providers.SelectMany(p => p.Models).Max(m => Name(m).Length);
        foreach (var provider in report.Providers)
        {
            var callbacks = provider.Models.Select(m => m.Callbacks).Distinct().ToList();
            await output.WriteLineAsync(
                $"{provider.Id} ({(provider.Configured ? "configured" : "not configured")}{(provider.Retired ? ", retired: only when a brief names it" : string.Empty)}); callbacks: {string.Join(" / ", callbacks)}");
            foreach (var model in provider.Models)
            {
                var inputs = string.Join(" or ", new[] { model.TextToVideo ? "text" : null, model.ImageToVideo ? "image" : null }.OfType<string>());
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {Name(model).PadRight(width)}  {model.Lifecycle}: {model.Durations}, {string.Join("/", model.Resolutions)}, {string.Join(" ", model.AspectRatios)}, from {inputs}{(model.Audio ? ", with audio" : string.Empty)}; {model.UsdPerSecond:0.00##} USD/s, {Billed(model)}"));
            }
        }

        await output.WriteLineAsync("List prices; Providers:Pricing:Rates overrides them. Sources of every fact: videopipeline providers --json.");
    }

    private static string Name(ModelReport model) => model.Mode is null ? model.Model : $"{model.Model} ({model.Mode})";

    private static string Billed(ModelReport model)
    {
        var parts = new List<string>();
        if (model.MinimumBilledSeconds > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"billed {model.MinimumBilledSeconds} s at least"));
        }

        if (model.BilledIncrementSeconds > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"in {model.BilledIncrementSeconds} s steps"));
        }

        parts.Add(model.ChargesFailures ? "failures charged" : "failures free");
        if (model.ChargesModeration)
        {
            parts.Add("moderation refusals charged");
        }

        return string.Join(", ", parts);
    }
}
