using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using VideoPipeline.Cli.Commands;

namespace VideoPipeline.Cli;

/// <summary>Builds the <c>videopipeline</c> command tree; output goes to the writers given so tests can read it.</summary>
public static class CliApplication
{
    /// <param name="configuration">Settings for commands that read them; null means environment variables (<c>Providers__Runway__ApiKey</c>).</param>
    /// <param name="time">The clock lifecycle dates are read against; null means the system clock.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null, TimeProvider? time = null)
    {
        var console = new CliConsole(CreateConsole(output), CreateConsole(error), output);
        var settings = () => configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var root = new RootCommand("VideoPipeline: turn a video brief into finished, quality-checked clips.")
        {
            ValidateCommand.Create(console),
            SimulateCommand.Create(console),
            ScoreCommand.Create(console, settings),
            ProvidersCommand.Create(console, settings, time ?? TimeProvider.System),
            GenerateCommand.Create(console, settings),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage mistakes are input errors too: exit 2, like a bad brief, not System.CommandLine's 1.
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'videopipeline --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(invocation);
    }

    private static IAnsiConsole CreateConsole(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
}
