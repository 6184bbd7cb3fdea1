namespace VideoPipeline.Domain.Orchestration;

/// <summary>
/// A snapshot of one instance's state. Mirrors <c>Microsoft.DurableTask.Client.OrchestrationMetadata</c>:
/// payloads are present only when fetched with inputs and outputs, and are read through the converter.
/// </summary>
public sealed class OrchestrationMetadata(string name, string instanceId)
{
    public string Name { get; } = name;

    public string InstanceId { get; } = instanceId;

    /// <summary>Present only when inputs and outputs were requested.</summary>
    public DataConverter? DataConverter { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why the instance failed; present only when it failed and outputs were requested.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    /// <summary>True in a terminal status: completed, failed or terminated.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => Converter(nameof(ReadInputAs)).Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => Converter(nameof(ReadOutputAs)).Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => Converter(nameof(ReadCustomStatusAs)).Deserialize<T>(SerializedCustomStatus);

    public override string ToString() => $"[{Name} '{InstanceId}': {RuntimeStatus}{(FailureDetails is null ? string.Empty : $", {FailureDetails}")}]";

    private DataConverter Converter(string method) =>
        DataConverter ?? throw new InvalidOperationException($"{method} needs metadata fetched with getInputsAndOutputs: true.");
}
