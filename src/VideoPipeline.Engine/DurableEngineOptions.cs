using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine;

/// <summary>Settings of the embedded engine; bound from the <c>DurableEngine</c> configuration section.</summary>
public sealed class DurableEngineOptions
{
    public const string SectionName = "DurableEngine";

    /// <summary>The SQLite file that holds history (created if missing). Ignored when <see cref="InMemory"/> is set.</summary>
    public string DatabasePath { get; set; } = "videopipeline-durable.db";

    /// <summary>Keep history in memory only: for tests and throwaway runs; nothing survives the process.</summary>
    public bool InMemory { get; set; }

    /// <summary>How many activities run at once, like host.json's <c>maxConcurrentActivityFunctions</c>.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 8;

    /// <summary>How many orchestrator episodes run at once, like host.json's <c>maxConcurrentOrchestratorFunctions</c>.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 16;

    /// <summary>How inputs, outputs, events and custom status are serialized.</summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;

    /// <summary>Throws naming the first bad setting, so a bad configuration fails at start rather than at the first job.</summary>
    public void Validate()
    {
        if (!InMemory && string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException($"{SectionName}:{nameof(DatabasePath)} must be set unless {SectionName}:{nameof(InMemory)} is true.");
        }

        if (MaxConcurrentActivityFunctions is < 1 or > 1000)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MaxConcurrentActivityFunctions)} must be 1 to 1000; got {MaxConcurrentActivityFunctions}.");
        }

        if (MaxConcurrentOrchestratorFunctions is < 1 or > 1000)
        {
            throw new ArgumentException($"{SectionName}:{nameof(MaxConcurrentOrchestratorFunctions)} must be 1 to 1000; got {MaxConcurrentOrchestratorFunctions}.");
        }

        if (DataConverter is null)
        {
            throw new ArgumentException($"{SectionName}:{nameof(DataConverter)} must be set.");
        }
    }
}
