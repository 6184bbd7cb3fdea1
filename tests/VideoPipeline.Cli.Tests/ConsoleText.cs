using System.Text.RegularExpressions;

namespace VideoPipeline.Cli.Tests;

/// <summary>
/// What the console wrote, without its layout: colour codes (the console detects whether to use them), the line breaks
/// it wraps at its width, all other whitespace, and table rules. Compare expected text squeezed the same way.
/// </summary>
internal static partial class ConsoleText
{
    public static string Squeezed(string text) =>
        string.Concat(AnsiColour().Replace(text, string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '│'));

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiColour();
}
