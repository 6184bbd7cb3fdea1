namespace VideoPipeline.Domain.Tests.Jobs;

/// <summary>A minimal valid brief, and edits of it, so each test states only what it changes.</summary>
internal static class Briefs
{
    public const string Minimal = """{ "title": "t", "shots": [ { "prompt": "a red kite over dunes" } ] }""";

    /// <summary>A valid brief with <paramref name="fields"/> (JSON members, comma-separated) added at the top level.</summary>
    public static string With(string fields) =>
        $$"""{ "title": "t", "shots": [ { "prompt": "a red kite over dunes" } ], {{fields}} }""";

    /// <summary>A valid brief whose only shot has <paramref name="fields"/> added.</summary>
    public static string WithShot(string fields) =>
        $$"""{ "title": "t", "shots": [ { "prompt": "a red kite over dunes", {{fields}} } ] }""";
}
